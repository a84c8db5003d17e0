package ua.kuznia.profile;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** One thing a manufacturer can make, at a readiness level and a monthly capacity. */
@Entity
@Table(name = "profile_capability")
public class ProfileCapability extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "profile_id")
    public ManufacturerProfile profile;

    /** Keeps the order in which the manufacturer listed its capabilities. */
    @Column(nullable = false)
    public int position;

    @Column(name = "area_code", nullable = false)
    public String areaCode;

    @Column(nullable = false)
    public int trl;

    @Column(nullable = false)
    public int mrl;

    @Column(name = "monthly_capacity", nullable = false)
    public double monthlyCapacity;

    @Column(name = "capacity_unit")
    public String capacityUnit;

    public String notes;
}
