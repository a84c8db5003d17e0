package ua.kuznia.aid;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/** One commitment of aid under one support model (see V7__aid_audit.sql for the meaning of each column). */
@Entity
@Table(name = "aid_record")
public class AidRecord extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "donor_country", nullable = false)
    public String donorCountry;

    @Column(name = "as_of_date", nullable = false)
    public LocalDate asOfDate;

    @Enumerated(EnumType.STRING)
    @Column(name = "support_model", nullable = false)
    public SupportModel supportModel;

    @Column(name = "area_code", nullable = false)
    public String areaCode;

    @Column(name = "commitment_date", nullable = false)
    public LocalDate commitmentDate;

    @Column(name = "committed_value_eur", nullable = false)
    public BigDecimal committedValueEur;

    @Column(name = "delivered_value_eur", nullable = false)
    public BigDecimal deliveredValueEur;

    @Column(name = "committed_quantity")
    public BigDecimal committedQuantity;

    @Column(name = "delivered_quantity")
    public BigDecimal deliveredQuantity;

    @Column(name = "quantity_unit")
    public String quantityUnit;

    @Column(name = "first_delivery_date")
    public LocalDate firstDeliveryDate;

    @Column(name = "last_delivery_date")
    public LocalDate lastDeliveryDate;

    @Column(nullable = false)
    public String source;

    public String notes;

    @Column(name = "import_sha256")
    public String importSha256;

    @Column(name = "created_by", nullable = false)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @PrePersist
    void created() {
        createdAt = Instant.now();
    }
}
