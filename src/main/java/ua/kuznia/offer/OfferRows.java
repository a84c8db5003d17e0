package ua.kuznia.offer;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import ua.kuznia.taxonomy.Classification;
import ua.kuznia.taxonomy.TransferType;

/**
 * An offer's API view read straight from its row and its organization's, for the read endpoints.
 * Building a {@link TransferOffer} entity (and its organization) through Hibernate only to copy it
 * into an {@link OfferView} was most of a read's cost; writes still go through the entity.
 */
final class OfferRows {

    /** The view's columns in the order of {@link #view}; the FROM aliases are {@code t} and {@code o}. */
    static final String COLUMNS = "SELECT t.id, t.organization_id, o.name, o.country, t.title, t.description, t.areas,"
            + " t.transfer_type, t.min_trl, t.min_mrl, t.min_monthly_capacity, t.required_certifications,"
            + " t.required_clearance, t.classification, t.max_risk_tier, t.budget_eur, t.funding_instrument,"
            + " t.target_volume, t.target_volume_unit, t.localization_target_percent, t.export_ml_codes,"
            + " t.export_licence_required, t.opens_at, t.closes_at, t.status, t.version, t.created_at, t.updated_at";

    static final String FROM = " FROM transfer_offer t JOIN organization o ON o.id = t.organization_id";

    private OfferRows() {
    }

    /** A row of {@link #COLUMNS} (any columns after them are ignored). */
    static OfferView view(Object[] r) {
        return new OfferView(num(r[0]), num(r[1]), (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                strings(r[6]), TransferType.valueOf((String) r[7]), (Integer) r[8], (Integer) r[9], (Double) r[10],
                strings(r[11]), Classification.valueOf((String) r[12]), Classification.valueOf((String) r[13]),
                (Integer) r[14], (BigDecimal) r[15], (String) r[16], (Double) r[17], (String) r[18], (Integer) r[19],
                new OfferView.ExportControl(strings(r[20]), (Boolean) r[21]),
                r[22] == null ? null : ((Date) r[22]).toLocalDate(), r[23] == null ? null : ((Date) r[23]).toLocalDate(),
                OfferStatus.valueOf((String) r[24]), num(r[25]), (Instant) r[26], (Instant) r[27]);
    }

    private static Long num(Object value) {
        return ((Number) value).longValue();
    }

    private static List<String> strings(Object value) {
        return Arrays.asList((String[]) value);
    }
}
