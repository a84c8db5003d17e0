package ua.kuznia.taxonomy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "certification")
public class Certification extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "name_uk", nullable = false)
    public String nameUk;
}
