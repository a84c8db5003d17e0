package ua.kuznia.taxonomy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "oblast")
public class Oblast extends PanacheEntityBase {

    /** ISO 3166-2:UA code, e.g. UA-46 for Lviv Oblast. */
    @Id
    public String code;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "name_uk", nullable = false)
    public String nameUk;

    /** 1 low ... 4 front line. */
    @Column(name = "risk_tier", nullable = false)
    public int riskTier;
}
