package ua.kuznia.profile;

import ua.kuznia.common.Timestamps;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import ua.kuznia.organization.Organization;
import ua.kuznia.taxonomy.Classification;

@Entity
@Table(name = "manufacturer_profile")
public class ManufacturerProfile extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @OneToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    @Column(name = "legal_name", nullable = false)
    public String legalName;

    @Column(nullable = false)
    public String edrpou;

    @Column(name = "oblast_code", nullable = false)
    public String oblastCode;

    public Integer employees;

    public String description;

    @OneToMany(mappedBy = "profile", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<ProfileCapability> capabilities = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] certifications = new String[0];

    /** The highest classification level the facility is cleared for. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Classification clearance;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "seeking_areas", nullable = false)
    public String[] seekingAreas = new String[0];

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "seeking_transfer_types", nullable = false)
    public String[] seekingTransferTypes = new String[0];

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public ProfileStatus status;

    @Version
    public long version;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @PrePersist
    void created() {
        createdAt = Timestamps.now();
        updatedAt = createdAt;
    }

    @PreUpdate
    void updated() {
        updatedAt = Timestamps.now();
    }
}
