package ua.kuznia.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * jqwik arbitraries for hostile input: values shaped by an OpenAPI schema (right type, wrong
 * content; or the wrong type altogether), arbitrary JSON, and text that is not JSON at all.
 */
final class FuzzValues {

    static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final ObjectMapper JSON = new ObjectMapper();

    /** Strings a careless service stores, echoes or chokes on. */
    static final List<String> NASTY_STRINGS = List.of(
            "", " ", "\t\n", "\u0000", "a\u0000b", "\u0007\u0008\u001b[31m", "\r\n\r\n", "\u202Eevil\u202C",
            "\uFEFFbom", "\u200B", "e\u0301", "Київ Kyiv Кiев", "Ζεύς 東京 القاهرة", "🚀💥", "\uD83D", "\uDC00",
            "'; DROP TABLE organization; --", "1' OR '1'='1", "\" OR \"\"=\"", "%' OR 1=1 --", "$$; SELECT pg_sleep(0); $$",
            "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "\"><svg/onload=alert(1)>", "javascript:alert(1)",
            "{{7*7}}", "${jndi:ldap://127.0.0.1/a}", "../../../../etc/passwd", "%00", "%s%s%s%n", "null", "NaN",
            "-1", "1e309", "2024-02-30", "0000-00-00", "+999999999-12-31", "9999-12-31", "-000001-01-01",
            "UNKNOWN_CODE", "munitions.", "munitions..artillery", "ua-46", "UA-99", "XX", "ZZZ", "iso-9001",
            "x".repeat(10_000), "Ї".repeat(3_000));

    static final List<JsonNode> NASTY_NUMBERS = List.of(
            NODES.numberNode(0), NODES.numberNode(-1), NODES.numberNode(1), NODES.numberNode(Integer.MAX_VALUE),
            NODES.numberNode(Integer.MIN_VALUE), NODES.numberNode((long) Integer.MAX_VALUE + 1), NODES.numberNode(Long.MAX_VALUE),
            NODES.numberNode(Long.MIN_VALUE), NODES.numberNode(new BigInteger("99999999999999999999999999999999")),
            NODES.numberNode(new BigInteger("-99999999999999999999999999999999")), NODES.numberNode(0.5),
            NODES.numberNode(-0.0), NODES.numberNode(1e308), NODES.numberNode(-1e308), NODES.numberNode(Double.MIN_VALUE),
            NODES.numberNode(new BigDecimal("1e400")), NODES.numberNode(new BigDecimal("1e-400")),
            NODES.numberNode(new BigDecimal("123456789012345678901234567890.123456789")));

    private FuzzValues() {
    }

    static Arbitrary<JsonNode> strings() {
        return Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.of(NASTY_STRINGS).map(NODES::textNode)),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(40).map(s -> (JsonNode) NODES.textNode(s))),
                Tuple.of(1, Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMinLength(1).ofMaxLength(8)
                        .map(s -> (JsonNode) NODES.textNode(s))));
    }

    static Arbitrary<JsonNode> numbers() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of(NASTY_NUMBERS)),
                Tuple.of(2, Arbitraries.longs().map(l -> (JsonNode) NODES.numberNode(l))),
                Tuple.of(1, Arbitraries.doubles().map(d -> (JsonNode) NODES.numberNode(d))));
    }

    /** Any JSON value, nested at most {@code depth} more levels. */
    static Arbitrary<JsonNode> anyJson(int depth) {
        List<Tuple.Tuple2<Integer, Arbitrary<JsonNode>>> choices = new ArrayList<>();
        choices.add(Tuple.of(1, Arbitraries.just(NODES.nullNode())));
        choices.add(Tuple.of(1, Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b))));
        choices.add(Tuple.of(3, numbers()));
        choices.add(Tuple.of(3, strings()));
        if (depth > 0) {
            choices.add(Tuple.of(1, Arbitraries.lazy(() -> anyJson(depth - 1)).list().ofMaxSize(4).map(FuzzValues::array)));
            choices.add(Tuple.of(1, Arbitraries.maps(Arbitraries.of("id", "code", "name", "version", "status", "", "__proto__",
                            "constructor", "x"), Arbitraries.lazy(() -> anyJson(depth - 1))).ofMaxSize(4)
                    .map(map -> {
                        ObjectNode object = NODES.objectNode();
                        map.forEach(object::set);
                        return (JsonNode) object;
                    })));
        }
        return Arbitraries.frequencyOf(choices);
    }

    static JsonNode array(List<JsonNode> items) {
        ArrayNode array = NODES.arrayNode();
        items.forEach(array::add);
        return array;
    }

    /**
     * A value for {@code schema}: mostly of the declared type with hostile content (unknown enum
     * codes, edge numbers, impossible dates), sometimes of another type altogether.
     */
    static Arbitrary<JsonNode> forSchema(OpenApi api, JsonNode schema, int depth) {
        JsonNode resolved = api.resolve(schema);
        String type = resolved.path("type").asText("");
        Arbitrary<JsonNode> typed;
        if (resolved.has("enum")) {
            List<JsonNode> values = new ArrayList<>();
            resolved.path("enum").forEach(values::add);
            typed = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(values)), Tuple.of(2, strings()));
        } else {
            typed = switch (type) {
                case "string" -> strings();
                case "integer", "number" -> numbers();
                case "boolean" -> Arbitraries.of(true, false).map(b -> (JsonNode) NODES.booleanNode(b));
                case "array" -> depth <= 0 ? Arbitraries.just(NODES.arrayNode())
                        : forSchema(api, resolved.path("items"), depth - 1).list().ofMaxSize(4).map(FuzzValues::array);
                case "object" -> depth <= 0 ? Arbitraries.just(NODES.objectNode()) : objectFor(api, resolved, depth - 1);
                default -> anyJson(Math.min(depth, 2));
            };
        }
        return Arbitraries.frequencyOf(Tuple.of(8, typed), Tuple.of(2, anyJson(Math.min(depth, 2))));
    }

    /** An object with the schema's properties, each present or left out at random. */
    static Arbitrary<JsonNode> objectFor(OpenApi api, JsonNode schema, int depth) {
        JsonNode resolved = api.resolve(schema);
        List<String> names = new ArrayList<>();
        resolved.path("properties").fieldNames().forEachRemaining(names::add);
        if (names.isEmpty()) {
            return anyJson(Math.min(depth, 2));
        }
        List<Arbitrary<Optional<JsonNode>>> fields = new ArrayList<>();
        for (String name : names) {
            fields.add(forSchema(api, resolved.path("properties").path(name), depth).optional(0.85));
        }
        return Combinators.combine(fields).as(values -> {
            ObjectNode object = NODES.objectNode();
            for (int i = 0; i < names.size(); i++) {
                int index = i;
                values.get(i).ifPresent(v -> object.set(names.get(index), v));
            }
            return (JsonNode) object;
        });
    }

    /** Bodies that are not JSON, or JSON that a lenient reader would accept and a strict one must refuse. */
    static Arbitrary<String> malformedJson() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.of("", " ", "{", "}", "[", "{\"a\":}", "{\"a\" 1}", "{'a':1}", "{a:1}", "[1,]",
                        "{\"a\":1,}", "{\"a\":1}{\"b\":2}", "nul", "tru", "NaN", "Infinity", "-", "01", "1.", ".5", "0x10",
                        "\"unterminated", "{\"a\":\"\\u12\"}", "{\"a\":\"\\x41\"}", "/* comment */ {}", "{\"a\":1 // c\n}",
                        "\uFEFF{}", "\u0000", "{\"a\":\"\u0001\"}", "[\"\\ud800\"]", "{\"id\":1, \"id\":2}", "<xml/>",
                        "a=1&b=2", "{\"version\":1e99999}", "{\"version\":-1e99999}")),
                Tuple.of(3, Arbitraries.strings().all().ofMaxLength(200)),
                Tuple.of(2, anyJson(3).map(node -> {
                    String text = node.toString();
                    return text.length() > 1 ? text.substring(0, text.length() / 2) : text + "{";
                })));
    }

    /** Nesting far beyond what any request needs; Jackson's depth limit must answer it, not the stack. */
    static String deeplyNested(int depth, boolean objects) {
        StringBuilder text = new StringBuilder(depth * 8);
        for (int i = 0; i < depth; i++) {
            text.append(objects ? "{\"a\":" : "[");
        }
        text.append("1");
        for (int i = 0; i < depth; i++) {
            text.append(objects ? "}" : "]");
        }
        return text.toString();
    }
}
