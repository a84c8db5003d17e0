package ua.kuznia.taxonomy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "classification_level")
public class ClassificationLevel extends PanacheEntityBase {

    @Id
    public String code;

    @Column(nullable = false)
    public int rank;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "name_uk", nullable = false)
    public String nameUk;
}
