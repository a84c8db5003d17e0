package ua.kuznia.offer;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import ua.kuznia.taxonomy.Classification;
import ua.kuznia.taxonomy.TransferType;

/**
 * An offer's API view read straight from its row and its organization's, for the read endpoints.
 * Building a {@link TransferOffer} entity (and its organization) through Hibernate only to copy it
 * into an {@link OfferView} was most of a read's cost. An update is written the same way (see
 * {@link #update}); creating and deleting an offer go through the entity.
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

    /**
     * {@code body}'s writable fields as they are stored: title stripped, repeated codes once, lists
     * and export control never null, euros with two decimals; the status as sent (null when left
     * out), the read-only fields as the body has them. Creating and updating store this one value.
     */
    static OfferView normalised(OfferView body) {
        OfferView.ExportControl export = body.exportControl();
        return new OfferView(body.id(), body.organizationId(), body.organizationName(), body.country(),
                body.title().strip(), body.description(), distinct(body.areas()), body.transferType(), body.minTrl(),
                body.minMrl(), body.minMonthlyCapacity(), distinct(body.requiredCertifications()),
                body.requiredClearance(), body.classification(), body.maxRiskTier(), euros(body.budgetEur()),
                body.fundingInstrument(), body.targetVolume(), body.targetVolumeUnit(), body.localizationTargetPercent(),
                new OfferView.ExportControl(distinct(export == null ? null : export.mlCodes()),
                        export != null && Boolean.TRUE.equals(export.licenceRequired())),
                body.opensAt(), body.closesAt(), body.status(), body.version(), body.createdAt(), body.updatedAt());
    }

    /**
     * The offer as an update sets it: {@code body} {@link #normalised} (a status left out keeps
     * {@code before}'s), over what {@code before} holds of the rest. What {@link #update} writes
     * and what the update answers are this one value.
     */
    static OfferView applied(OfferView before, OfferView body, Instant updatedAt) {
        OfferView n = normalised(body);
        return new OfferView(before.id(), before.organizationId(), before.organizationName(), before.country(),
                n.title(), n.description(), n.areas(), n.transferType(), n.minTrl(), n.minMrl(), n.minMonthlyCapacity(),
                n.requiredCertifications(), n.requiredClearance(), n.classification(), n.maxRiskTier(), n.budgetEur(),
                n.fundingInstrument(), n.targetVolume(), n.targetVolumeUnit(), n.localizationTargetPercent(),
                n.exportControl(), n.opensAt(), n.closesAt(), n.status() == null ? before.status() : n.status(),
                before.version() + 1, before.createdAt(), updatedAt);
    }

    private static final String UPDATE = "UPDATE transfer_offer SET title = ?, description = ?, areas = ?,"
            + " transfer_type = ?, min_trl = ?, min_mrl = ?, min_monthly_capacity = ?, required_certifications = ?,"
            + " required_clearance = ?, classification = ?, max_risk_tier = ?, budget_eur = ?, funding_instrument = ?,"
            + " target_volume = ?, target_volume_unit = ?, localization_target_percent = ?, export_ml_codes = ?,"
            + " export_licence_required = ?, opens_at = ?, closes_at = ?, status = ?, version = ?, updated_at = ?"
            + " WHERE id = ? AND version = ?";

    /**
     * Writes {@code after} (from {@link #applied}) over the row, if the row is still at the version
     * before it. One statement on the transaction's connection: loading the entity to let Hibernate
     * flush it was two fifths of an update's cost under load, and the version condition keeps the
     * optimistic lock the entity's {@code @Version} kept. False when another writer got there
     * first (or deleted the offer) since it was read.
     */
    static boolean update(Connection c, OfferView after) throws SQLException {
        try (PreparedStatement update = c.prepareStatement(UPDATE)) {
            int i = 1;
            update.setString(i++, after.title());
            update.setString(i++, after.description());
            update.setArray(i++, c.createArrayOf("text", after.areas().toArray()));
            update.setString(i++, after.transferType().name());
            update.setInt(i++, after.minTrl());
            update.setInt(i++, after.minMrl());
            update.setObject(i++, after.minMonthlyCapacity(), Types.DOUBLE);
            update.setArray(i++, c.createArrayOf("text", after.requiredCertifications().toArray()));
            update.setString(i++, after.requiredClearance().name());
            update.setString(i++, after.classification().name());
            update.setObject(i++, after.maxRiskTier(), Types.INTEGER);
            update.setBigDecimal(i++, after.budgetEur());
            update.setString(i++, after.fundingInstrument());
            update.setObject(i++, after.targetVolume(), Types.DOUBLE);
            update.setString(i++, after.targetVolumeUnit());
            update.setObject(i++, after.localizationTargetPercent(), Types.INTEGER);
            update.setArray(i++, c.createArrayOf("text", after.exportControl().mlCodes().toArray()));
            update.setBoolean(i++, after.exportControl().licenceRequired());
            update.setObject(i++, after.opensAt() == null ? null : Date.valueOf(after.opensAt()), Types.DATE);
            update.setObject(i++, after.closesAt() == null ? null : Date.valueOf(after.closesAt()), Types.DATE);
            update.setString(i++, after.status().name());
            update.setLong(i++, after.version());
            update.setObject(i++, after.updatedAt().atOffset(ZoneOffset.UTC));
            update.setLong(i++, after.id());
            update.setLong(i, after.version() - 1);
            return update.executeUpdate() == 1;
        }
    }

    /**
     * An amount in euros as the {@code numeric(16, 2)} column gives it back: with two decimals, so
     * that the answer to a write equals every later read, and the audit diff does not see
     * {@code 1000000} become {@code 1000000.00} as a change. Bean validation allows two decimals at
     * most, so nothing is rounded away; the rounding mode only keeps a body that bypassed it from
     * failing here.
     */
    private static BigDecimal euros(BigDecimal amount) {
        return amount == null ? null : amount.setScale(2, java.math.RoundingMode.HALF_EVEN);
    }

    private static List<String> distinct(List<String> values) {
        return values == null ? List.of() : values.stream().distinct().toList();
    }

    private static Long num(Object value) {
        return ((Number) value).longValue();
    }

    private static List<String> strings(Object value) {
        return Arrays.asList((String[]) value);
    }
}
