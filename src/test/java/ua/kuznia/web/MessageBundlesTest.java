package ua.kuznia.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.qute.i18n.MessageBundle;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every page and message exists in English and Ukrainian: each message bundle of the project has a
 * Ukrainian file with exactly its keys, none of them empty, and placeholders kept.
 */
class MessageBundlesTest {

    @Test
    void everyBundleIsFullyTranslatedToUkrainian() throws Exception {
        List<Class<?>> bundles = bundles();
        assertFalse(bundles.isEmpty(), "no message bundles found");
        for (Class<?> bundle : bundles) {
            String name = bundle.getAnnotation(MessageBundle.class).value();
            Properties uk = load("messages/" + name + "_uk.properties");
            TreeSet<String> keys = new TreeSet<>();
            for (Method method : bundle.getDeclaredMethods()) {
                keys.add(method.getName());
            }
            assertEquals(keys, new TreeSet<>(uk.stringPropertyNames()), "keys of " + name + "_uk.properties");
            for (Method method : bundle.getDeclaredMethods()) {
                String text = uk.getProperty(method.getName());
                assertFalse(text.isBlank(), name + "." + method.getName() + " is empty in Ukrainian");
                String english = method.getAnnotation(io.quarkus.qute.i18n.Message.class).value();
                for (String placeholder : placeholders(english)) {
                    assertTrue(text.contains(placeholder), name + "." + method.getName() + " lost " + placeholder);
                }
            }
        }
    }

    /** Kuznia's own bean-validation messages; the standard ones come translated with Hibernate Validator. */
    @Test
    void everyValidationMessageIsTranslatedToUkrainian() throws Exception {
        Properties english = load("ValidationMessages.properties");
        Properties uk = load("ValidationMessages_uk.properties");
        assertFalse(english.isEmpty(), "no validation messages found");
        for (String key : english.stringPropertyNames()) {
            String text = uk.getProperty(key);
            assertTrue(text != null && !text.isBlank(), key + " has no Ukrainian text");
            for (String placeholder : placeholders(english.getProperty(key))) {
                assertTrue(text.contains(placeholder), key + " lost " + placeholder);
            }
        }
        for (String key : uk.stringPropertyNames()) {
            assertTrue(english.containsKey(key) || key.startsWith("jakarta.validation.constraints."),
                    key + " is in Ukrainian only");
        }
        assertTrue(load("ValidationMessages_en.properties").isEmpty(), "English texts belong in ValidationMessages.properties");
    }

    private static List<String> placeholders(String text) {
        List<String> found = new ArrayList<>();
        var matcher = java.util.regex.Pattern.compile("\\{[a-zA-Z_][a-zA-Z0-9_.]*}").matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }

    private static Properties load(String resource) throws IOException {
        try (InputStream in = MessageBundlesTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertTrue(in != null, resource + " is missing");
            Properties properties = new Properties();
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return properties;
        }
    }

    /** Interfaces annotated @MessageBundle among the compiled main classes. */
    private static List<Class<?>> bundles() throws Exception {
        Path classes = Path.of("target", "classes");
        List<Class<?>> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$")).toList()) {
                String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, MessageBundlesTest.class.getClassLoader());
                if (type.isInterface() && type.isAnnotationPresent(MessageBundle.class)) {
                    found.add(type);
                }
            }
        }
        return found;
    }
}
