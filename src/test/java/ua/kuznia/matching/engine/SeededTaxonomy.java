package ua.kuznia.matching.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The reference data seeded by the first migration, read from the migration itself so that test
 * data always uses codes the database accepts.
 */
public final class SeededTaxonomy {

    private static final Pattern INSERT = Pattern.compile("INSERT INTO (\\w+)");
    private static final Pattern FIRST_LITERAL = Pattern.compile("^\\s*\\('((?:[^']|'')*)'");
    private static final Pattern LAST_NUMBER = Pattern.compile(",\\s*(\\d+)\\)[,;]?\\s*$");

    /** Declared after the patterns it is parsed with. */
    public static final SeededTaxonomy SEEDED = load("db/migration/V1__taxonomy.sql");

    public final List<String> areas;
    public final List<String> certifications;
    public final List<String> transferTypes;
    /** Oblast code to risk tier, in migration order. */
    public final Map<String, Integer> oblastRiskTiers;

    private SeededTaxonomy(List<String> areas, List<String> certifications, List<String> transferTypes,
            Map<String, Integer> oblastRiskTiers) {
        this.areas = List.copyOf(areas);
        this.certifications = List.copyOf(certifications);
        this.transferTypes = List.copyOf(transferTypes);
        this.oblastRiskTiers = oblastRiskTiers;
    }

    /** The first oblast with this risk tier. */
    public String oblastWithTier(int tier) {
        return oblastRiskTiers.entrySet().stream().filter(e -> e.getValue() == tier).findFirst().orElseThrow().getKey();
    }

    private static SeededTaxonomy load(String resource) {
        String sql;
        try (InputStream in = SeededTaxonomy.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is not on the classpath");
            }
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, List<String>> firstColumns = new LinkedHashMap<>();
        Map<String, Integer> oblasts = new LinkedHashMap<>();
        String table = null;
        for (String line : sql.split("\n")) {
            Matcher insert = INSERT.matcher(line);
            if (insert.find()) {
                table = insert.group(1);
                continue;
            }
            Matcher literal = FIRST_LITERAL.matcher(line);
            if (table == null || !literal.find()) {
                continue;
            }
            String code = literal.group(1).replace("''", "'");
            firstColumns.computeIfAbsent(table, t -> new ArrayList<>()).add(code);
            if (table.equals("oblast")) {
                Matcher tier = LAST_NUMBER.matcher(line);
                if (!tier.find()) {
                    throw new IllegalStateException("no risk tier in " + line);
                }
                oblasts.put(code, Integer.parseInt(tier.group(1)));
            }
        }
        SeededTaxonomy taxonomy = new SeededTaxonomy(
                firstColumns.getOrDefault("capability_area", List.of()),
                firstColumns.getOrDefault("certification", List.of()),
                firstColumns.getOrDefault("transfer_type", List.of()),
                oblasts);
        if (taxonomy.areas.isEmpty() || taxonomy.certifications.isEmpty() || taxonomy.transferTypes.isEmpty()
                || oblasts.values().stream().distinct().count() != 4) {
            throw new IllegalStateException("could not read the seeded taxonomy from " + resource);
        }
        return taxonomy;
    }
}
