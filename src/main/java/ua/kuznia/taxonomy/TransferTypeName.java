package ua.kuznia.taxonomy;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Display names of a {@link TransferType}; the enum holds the codes the API accepts. */
@Entity
@Table(name = "transfer_type")
public class TransferTypeName extends PanacheEntityBase {

    @Id
    public String code;

    @Column(name = "name_en", nullable = false)
    public String nameEn;

    @Column(name = "name_uk", nullable = false)
    public String nameUk;
}
