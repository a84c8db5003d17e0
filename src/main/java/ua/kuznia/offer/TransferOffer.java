package ua.kuznia.offer;

import ua.kuznia.common.Timestamps;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import ua.kuznia.organization.Organization;
import ua.kuznia.taxonomy.Classification;
import ua.kuznia.taxonomy.TransferType;

/** A ministry's offer of technology transfer to Ukrainian industry. */
@Entity
@Table(name = "transfer_offer")
public class TransferOffer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    @Column(nullable = false)
    public String title;

    public String description;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public String[] areas;

    @Enumerated(EnumType.STRING)
    @Column(name = "transfer_type", nullable = false)
    public TransferType transferType;

    @Column(name = "min_trl", nullable = false)
    public int minTrl;

    @Column(name = "min_mrl", nullable = false)
    public int minMrl;

    @Column(name = "min_monthly_capacity")
    public Double minMonthlyCapacity;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "required_certifications", nullable = false)
    public String[] requiredCertifications = new String[0];

    @Enumerated(EnumType.STRING)
    @Column(name = "required_clearance", nullable = false)
    public Classification requiredClearance;

    /** The level of the offer itself: who may see it at all. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Classification classification;

    @Column(name = "max_risk_tier")
    public Integer maxRiskTier;

    @Column(name = "budget_eur")
    public BigDecimal budgetEur;

    @Column(name = "funding_instrument")
    public String fundingInstrument;

    /** Yearly volume the ministry wants produced, in {@link #targetVolumeUnit}. */
    @Column(name = "target_volume")
    public Double targetVolume;

    @Column(name = "target_volume_unit")
    public String targetVolumeUnit;

    @Column(name = "localization_target_percent")
    public Integer localizationTargetPercent;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "export_ml_codes", nullable = false)
    public String[] exportMlCodes = new String[0];

    @Column(name = "export_licence_required", nullable = false)
    public boolean exportLicenceRequired;

    @Column(name = "opens_at")
    public LocalDate opensAt;

    @Column(name = "closes_at")
    public LocalDate closesAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public OfferStatus status;

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
