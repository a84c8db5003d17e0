package ua.kuznia.taxonomy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

@Entity
@Table(name = "capability_area")
public class CapabilityArea extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "parent_code")
    public String parentCode;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "name_uk", nullable = false)
    public String nameUk;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "ml_codes", nullable = false)
    public String[] mlCodes;

    @Column(name = "sort_order", nullable = false)
    public int sortOrder;
}
