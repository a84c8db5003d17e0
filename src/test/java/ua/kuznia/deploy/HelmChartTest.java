package ua.kuznia.deploy;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Runs the real Helm (bundled in helm-java, no binary on the machine needed) against
 * helm/kuznia and checks what a cluster would receive. No cluster is involved: `helm template`
 * renders, the assertions read the manifests.
 */
class HelmChartTest {

    // Surefire runs with the project directory as working directory.
    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path CHART = PROJECT.resolve("helm/kuznia");
    private static final Path PRODUCTION_VALUES = CHART.resolve("values-production.yaml");
    private static final Path REALM_SOURCE = PROJECT.resolve("keycloak/kuznia-realm.json");
    private static final Path REALM_COPY = CHART.resolve("files/kuznia-realm.json");
    private static final String SCHEMA_REJECTION = "values don't meet the specifications of the schema";

    private static final String RELEASE = "kuznia";
    private static final String NAMESPACE = "kuznia";

    @Nested
    class Lint {

        @Test
        void passesStrictlyWithDefaultValues() {
            LintResult result = new Helm(CHART).lint().strict().call();

            assertFalse(result.isFailed(), () -> "helm lint --strict: " + result.getMessages());
        }

        @Test
        void passesStrictlyWithProductionValues(@TempDir Path tmp) {
            // helm-java's lint takes no values file, so lint a copy whose values.yaml is the
            // production overlay merged onto the defaults, exactly what -f would produce.
            Path chart = copyChart(tmp);
            Map<String, Object> merged = deepMerge(loadYaml(CHART.resolve("values.yaml")), loadYaml(PRODUCTION_VALUES));
            writeString(chart.resolve("values.yaml"), yaml().dump(merged));

            LintResult result = new Helm(chart).lint().strict().call();

            assertFalse(result.isFailed(), () -> "helm lint --strict with production values: " + result.getMessages());
        }

        @Test
        void failsWhenValuesBreakTheSchema(@TempDir Path tmp) {
            // Guards the two tests above: a lint that ignored the schema would pass anything.
            Path chart = copyChart(tmp);
            Map<String, Object> values = loadYaml(CHART.resolve("values.yaml"));
            map(values.get("hpa")).put("minReplicas", 0);
            writeString(chart.resolve("values.yaml"), yaml().dump(values));

            LintResult result = new Helm(chart).lint().call();

            assertTrue(result.isFailed(), () -> "lint should fail, messages: " + result.getMessages());
            assertTrue(String.join("\n", result.getMessages()).contains("minReplicas"), () -> result.getMessages().toString());
        }
    }

    @Nested
    class Workload {

        @Test
        void probesCallTheQuarkusHealthEndpointsOnTheHttpPort() {
            Map<String, Object> container = container(render());

            assertEquals(8080, at(container, "ports", 0, "containerPort"));
            assertEquals("http", at(container, "ports", 0, "name"));
            assertAll(
                    () -> assertEquals("/q/health/started", at(container, "startupProbe", "httpGet", "path")),
                    () -> assertEquals("http", at(container, "startupProbe", "httpGet", "port")),
                    () -> assertEquals("/q/health/live", at(container, "livenessProbe", "httpGet", "path")),
                    () -> assertEquals("http", at(container, "livenessProbe", "httpGet", "port")),
                    () -> assertEquals("/q/health/ready", at(container, "readinessProbe", "httpGet", "path")),
                    () -> assertEquals("http", at(container, "readinessProbe", "httpGet", "port")));
        }

        @Test
        void podAndContainerRunHardened() {
            Map<String, Object> deployment = single(render(), "Deployment");
            Object pod = at(deployment, "spec", "template", "spec", "securityContext");
            Object container = at(container(deployment), "securityContext");

            assertAll(
                    () -> assertEquals(true, at(pod, "runAsNonRoot")),
                    () -> assertEquals(185, at(pod, "runAsUser")),
                    () -> assertEquals("RuntimeDefault", at(pod, "seccompProfile", "type")),
                    () -> assertEquals(true, at(container, "runAsNonRoot")),
                    () -> assertEquals(185, at(container, "runAsUser")),
                    () -> assertEquals(true, at(container, "readOnlyRootFilesystem")),
                    () -> assertEquals(false, at(container, "allowPrivilegeEscalation")),
                    () -> assertEquals(List.of("ALL"), at(container, "capabilities", "drop")),
                    () -> assertEquals("RuntimeDefault", at(container, "seccompProfile", "type")),
                    () -> assertEquals(false, at(deployment, "spec", "template", "spec", "automountServiceAccountToken")));
        }

        @Test
        void tmpIsTheOnlyWritablePathAndIsAnEmptyDir() {
            Map<String, Object> deployment = single(render(), "Deployment");
            List<Object> mounts = list(at(container(deployment), "volumeMounts"));
            List<Object> volumes = list(at(deployment, "spec", "template", "spec", "volumes"));

            assertEquals(1, mounts.size(), mounts::toString);
            assertEquals("/tmp", at(mounts, 0, "mountPath"));
            Object tmpVolume = volumes.stream()
                    .filter(v -> at(mounts, 0, "name").equals(at(v, "name")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no volume backs /tmp: " + volumes));
            assertTrue(map(tmpVolume).containsKey("emptyDir"), tmpVolume::toString);
        }

        @Test
        void resourcesHaveRequestsAndAMemoryLimit() {
            Object resources = at(container(render()), "resources");

            assertAll(
                    () -> assertEquals("250m", at(resources, "requests", "cpu")),
                    () -> assertEquals("512Mi", at(resources, "requests", "memory")),
                    () -> assertEquals("1Gi", at(resources, "limits", "memory")));
        }

        @Test
        void podsAreSpreadAcrossNodes() {
            Map<String, Object> deployment = single(render(), "Deployment");
            List<Object> constraints = list(at(deployment, "spec", "template", "spec", "topologySpreadConstraints"));

            Object byNode = constraints.stream()
                    .filter(c -> "kubernetes.io/hostname".equals(at(c, "topologyKey")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no spread across nodes: " + constraints));
            assertEquals(at(deployment, "spec", "selector", "matchLabels"), at(byNode, "labelSelector", "matchLabels"));
        }

        @Test
        void configMapChangeRollsThePods() {
            String before = checksum(render());
            String same = checksum(render());
            String after = checksum(render(Map.of("database.jdbcUrl", "jdbc:postgresql://other-rw:5432/kuznia")));

            assertEquals(before, same);
            assertNotEquals(before, after);
        }

        @Test
        void nonSecretConfigGoesThroughTheConfigMap() {
            List<Map<String, Object>> docs = render();
            Map<String, Object> data = map(at(single(docs, "ConfigMap"), "data"));
            Object configMapName = at(single(docs, "ConfigMap"), "metadata", "name");

            assertEquals(configMapName, at(container(docs), "envFrom", 0, "configMapRef", "name"));
            assertAll(
                    () -> assertEquals("prod", data.get("QUARKUS_PROFILE")),
                    () -> assertEquals("jdbc:postgresql://kuznia-db-rw:5432/kuznia", data.get("QUARKUS_DATASOURCE_JDBC_URL")),
                    () -> assertEquals("https://keycloak.example/realms/kuznia", data.get("QUARKUS_OIDC_AUTH_SERVER_URL")),
                    () -> assertEquals("kuznia-web", data.get("QUARKUS_OIDC_CLIENT_ID")),
                    () -> assertEquals("kuznia-api", data.get("KUZNIA_OIDC_AUDIENCE")),
                    () -> assertEquals("CLIENT_CREDENTIALS", data.get("QUARKUS_KEYCLOAK_ADMIN_CLIENT_GRANT_TYPE")),
                    () -> assertEquals("587", data.get("QUARKUS_MAILER_PORT")),
                    () -> assertEquals("REQUIRED", data.get("QUARKUS_MAILER_START_TLS")),
                    () -> assertEquals("false", data.get("QUARKUS_MAILER_TLS")),
                    () -> assertEquals("https://kuznia.example", data.get("KUZNIA_PUBLIC_URL")),
                    () -> assertTrue(String.valueOf(data.get("JAVA_OPTS_APPEND")).endsWith("-XX:MaxRAMPercentage=75")),
                    () -> assertTrue(data.keySet().stream().noneMatch(k -> k.contains("PASSWORD") || k.endsWith("_SECRET")),
                            () -> "credentials must not be in a ConfigMap: " + data.keySet()));
        }
    }

    @Nested
    class Secrets {

        @Test
        void credentialsReferenceTheExistingSecretsAndKeysNamedInValues() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("secrets.existingSecret", "kuznia-credentials");
            values.put("secrets.databaseSecret", "kuznia-db-app");
            values.put("secrets.keys.databaseUsername", "db-user");
            values.put("secrets.keys.databasePassword", "db-pass");
            values.put("secrets.keys.oidcClientSecret", "oidc");
            values.put("secrets.keys.keycloakAdminClientSecret", "kc-admin");
            values.put("secrets.keys.mailUsername", "smtp-user");
            values.put("secrets.keys.mailPassword", "smtp-pass");

            Map<String, Object> container = container(render(values));

            assertAll(
                    () -> assertSecretRef(container, "QUARKUS_DATASOURCE_USERNAME", "kuznia-db-app", "db-user"),
                    () -> assertSecretRef(container, "QUARKUS_DATASOURCE_PASSWORD", "kuznia-db-app", "db-pass"),
                    () -> assertSecretRef(container, "QUARKUS_OIDC_CREDENTIALS_SECRET", "kuznia-credentials", "oidc"),
                    () -> assertSecretRef(container, "QUARKUS_KEYCLOAK_ADMIN_CLIENT_CLIENT_SECRET", "kuznia-credentials", "kc-admin"),
                    () -> assertSecretRef(container, "QUARKUS_MAILER_USERNAME", "kuznia-credentials", "smtp-user"),
                    () -> assertSecretRef(container, "QUARKUS_MAILER_PASSWORD", "kuznia-credentials", "smtp-pass"));
        }

        @Test
        void databaseCredentialsDefaultToTheMainSecretAndSmtpAuthIsOff() {
            Map<String, Object> container = container(render());

            assertSecretRef(container, "QUARKUS_DATASOURCE_USERNAME", "kuznia", "username");
            assertSecretRef(container, "QUARKUS_DATASOURCE_PASSWORD", "kuznia", "password");
            assertNull(env(container, "QUARKUS_MAILER_USERNAME"), "no SMTP user unless a key is given");
            assertNull(env(container, "QUARKUS_MAILER_PASSWORD"), "no SMTP password unless a key is given");
        }

        @Test
        void theChartNeverCreatesASecret() {
            assertTrue(kinds(render()).stream().noneMatch("Secret"::equals));
            assertTrue(kinds(renderProduction()).stream().noneMatch("Secret"::equals));
        }

        @Test
        void halfConfiguredSmtpCredentialsAreRejected() {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> render(Map.of("secrets.keys.mailUsername", "smtp-user")));

            assertTrue(error.getMessage().contains("mailPassword"), error::getMessage);
        }

        private void assertSecretRef(Map<String, Object> container, String variable, String secret, String key) {
            Object entry = env(container, variable);
            assertTrue(entry != null, () -> variable + " is not set");
            assertEquals(secret, at(entry, "valueFrom", "secretKeyRef", "name"), variable);
            assertEquals(key, at(entry, "valueFrom", "secretKeyRef", "key"), variable);
        }
    }

    @Nested
    class Availability {

        @Test
        void withoutHpaTheDeploymentOwnsTheReplicaCount() {
            List<Map<String, Object>> docs = render(Map.of("replicaCount", 3));

            assertFalse(kinds(docs).contains("HorizontalPodAutoscaler"));
            assertEquals(3, at(single(docs, "Deployment"), "spec", "replicas"));
        }

        @Test
        void hpaTakesMinAndMaxFromValuesAndTheDeploymentLeavesReplicasToIt() {
            List<Map<String, Object>> docs = render(Map.of(
                    "hpa.enabled", true, "hpa.minReplicas", 3, "hpa.maxReplicas", 9, "hpa.targetCPUUtilizationPercentage", 65));
            Map<String, Object> hpa = single(docs, "HorizontalPodAutoscaler");
            Map<String, Object> deployment = single(docs, "Deployment");

            assertEquals("autoscaling/v2", hpa.get("apiVersion"));
            assertEquals(3, at(hpa, "spec", "minReplicas"));
            assertEquals(9, at(hpa, "spec", "maxReplicas"));
            assertEquals(65, at(hpa, "spec", "metrics", 0, "resource", "target", "averageUtilization"));
            assertEquals(at(deployment, "metadata", "name"), at(hpa, "spec", "scaleTargetRef", "name"));
            assertFalse(map(deployment.get("spec")).containsKey("replicas"), "an upgrade must not reset the HPA's count");
        }

        @Test
        void hpaMinimumAboveMaximumIsRejected() {
            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> render(Map.of("hpa.enabled", true, "hpa.minReplicas", 5, "hpa.maxReplicas", 2)));

            assertTrue(error.getMessage().contains("must not exceed hpa.maxReplicas"), error::getMessage);
        }

        @Test
        void pdbSelectsTheApplicationPods() {
            List<Map<String, Object>> docs = render();
            Map<String, Object> pdb = single(docs, "PodDisruptionBudget");

            assertEquals("policy/v1", pdb.get("apiVersion"));
            assertEquals(1, at(pdb, "spec", "maxUnavailable"));
            assertEquals(at(single(docs, "Deployment"), "spec", "selector", "matchLabels"), at(pdb, "spec", "selector", "matchLabels"));
        }
    }

    @Nested
    class Network {

        @Test
        void policyAdmitsHttpFromIngressSameNamespaceAndMonitoringOnly() {
            List<Map<String, Object>> docs = render();
            Map<String, Object> policy = single(docs, "NetworkPolicy");

            assertEquals(List.of("Ingress", "Egress"), at(policy, "spec", "policyTypes"));
            assertEquals(at(single(docs, "Deployment"), "spec", "selector", "matchLabels"), at(policy, "spec", "podSelector", "matchLabels"));
            List<Object> rules = list(at(policy, "spec", "ingress"));
            assertEquals(1, rules.size(), rules::toString);
            assertEquals(List.of(8080), ports(rules.get(0)));
            assertEquals(Set.of("<same namespace>", "ingress-nginx", "monitoring"), peers(rules.get(0)));
        }

        @Test
        void policyLetsOutDnsPostgresqlKeycloakAndSmtpOnly() {
            Map<String, Object> policy = single(render(), "NetworkPolicy");

            assertEquals(List.of(List.of(53, 53), List.of(5432), List.of(443), List.of(587)), egressPorts(policy));
        }

        @Test
        void policyFollowsConfiguredPortsAndNamespaces() {
            Map<String, Object> values = new LinkedHashMap<>();
            values.put("networkPolicy.egress.postgresql.port", 6432);
            values.put("networkPolicy.egress.keycloak.ports[0]", 443);
            values.put("networkPolicy.egress.keycloak.ports[1]", 8443);
            values.put("mail.port", 2525);
            values.put("networkPolicy.ingress.ingressControllerNamespace", "traefik");
            values.put("networkPolicy.ingress.monitoringNamespace", "");
            values.put("networkPolicy.ingress.sameNamespace", false);

            Map<String, Object> policy = single(render(values), "NetworkPolicy");

            assertEquals(List.of(List.of(53, 53), List.of(6432), List.of(443, 8443), List.of(2525)), egressPorts(policy));
            assertEquals(Set.of("traefik"), peers(at(policy, "spec", "ingress", 0)));
        }

        @Test
        void policyCanBeTurnedOff() {
            assertFalse(kinds(render(Map.of("networkPolicy.enabled", false))).contains("NetworkPolicy"));
        }

        @Test
        void ingressIsOffByDefault() {
            assertFalse(kinds(render()).contains("Ingress"));
        }

        @Test
        void ingressServesTheHostOverTlsWithTheSecretFromValues() {
            List<Map<String, Object>> docs = render(Map.of(
                    "ingress.enabled", true, "ingress.host", "kuznia.test.example", "ingress.tls.secretName", "kuznia-test-tls"));
            Map<String, Object> ingress = single(docs, "Ingress");
            Map<String, Object> service = single(docs, "Service");

            assertEquals(List.of("kuznia.test.example"), at(ingress, "spec", "tls", 0, "hosts"));
            assertEquals("kuznia-test-tls", at(ingress, "spec", "tls", 0, "secretName"));
            assertEquals("kuznia.test.example", at(ingress, "spec", "rules", 0, "host"));
            Object backend = at(ingress, "spec", "rules", 0, "http", "paths", 0, "backend", "service");
            assertEquals(at(service, "metadata", "name"), at(backend, "name"));
            assertEquals(at(service, "spec", "ports", 0, "name"), at(backend, "port", "name"));
        }

        @Test
        void serviceMonitorIsOffByDefaultAndScrapesPrometheusMetricsWhenOn() {
            assertFalse(kinds(render()).contains("ServiceMonitor"));

            List<Map<String, Object>> docs = render(Map.of("serviceMonitor.enabled", true, "serviceMonitor.labels.release", "prom"));
            Map<String, Object> monitor = single(docs, "ServiceMonitor");

            assertEquals("monitoring.coreos.com/v1", monitor.get("apiVersion"));
            assertEquals("prom", at(monitor, "metadata", "labels", "release"));
            assertEquals("/q/metrics", at(monitor, "spec", "endpoints", 0, "path"));
            assertEquals(at(single(docs, "Service"), "spec", "ports", 0, "name"), at(monitor, "spec", "endpoints", 0, "port"));
        }
    }

    @Nested
    class RealmImport {

        @Test
        void isOffByDefault() {
            assertFalse(kinds(render()).contains("KeycloakRealmImport"));
        }

        @Test
        void rendersTheRealmFileForTheNamedKeycloak() {
            Map<String, Object> realmImport = single(
                    render(Map.of("realmImport.enabled", true, "realmImport.keycloakCRName", "kc-main", "realmImport.namespace", "keycloak")),
                    "KeycloakRealmImport");
            Map<String, Object> realm = map(at(realmImport, "spec", "realm"));
            Map<String, Object> expected = loadYaml(REALM_COPY); // JSON is YAML: same parser, same number types
            expected.remove("users");

            assertEquals("k8s.keycloak.org/v2alpha1", realmImport.get("apiVersion"));
            assertEquals("keycloak", at(realmImport, "metadata", "namespace"));
            assertEquals("kc-main", at(realmImport, "spec", "keycloakCRName"));
            assertEquals("kuznia", realm.get("realm"));
            assertFalse(realm.containsKey("users"), "a realm import must not carry users");
            assertEquals(expected, realm);
        }

        @Test
        void refusesARealmFileWithUsers(@TempDir Path tmp) {
            Path chart = copyChart(tmp);
            writeString(chart.resolve("files/kuznia-realm.json"),
                    "{\"realm\":\"kuznia\",\"users\":[{\"username\":\"admin\",\"credentials\":[{\"type\":\"password\",\"value\":\"x\"}]}]}");

            IllegalStateException error = assertThrows(IllegalStateException.class,
                    () -> new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE).set("realmImport.enabled", true).call());

            assertTrue(error.getMessage().contains("must not contain users"), error::getMessage);
        }

        @Test
        void dropsAnEmptyUsersListFromTheImport(@TempDir Path tmp) {
            Path chart = copyChart(tmp);
            writeString(chart.resolve("files/kuznia-realm.json"), "{\"realm\":\"kuznia\",\"users\":[]}");

            List<Map<String, Object>> docs = parse(new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE)
                    .set("realmImport.enabled", true).call());

            assertEquals(Map.of("realm", "kuznia"), at(single(docs, "KeycloakRealmImport"), "spec", "realm"));
        }

        @Test
        void everyEnvironmentPlaceholderOfTheRealmIsFedFromASecret() throws IOException {
            // Keycloak resolves ${NAME:default} at import; without a placeholder entry the import
            // would fall back to the realm file's local default, e.g. a well-known client secret.
            Matcher placeholder = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}").matcher(Files.readString(REALM_COPY));
            Set<String> inRealm = new TreeSet<>();
            while (placeholder.find()) {
                inRealm.add(placeholder.group(1));
            }

            assertAll(
                    () -> assertPlaceholdersFed(inRealm, render(Map.of("realmImport.enabled", true)), "values.yaml"),
                    () -> assertPlaceholdersFed(inRealm, renderProduction(), "values-production.yaml"));
        }

        private void assertPlaceholdersFed(Set<String> names, List<Map<String, Object>> docs, String valuesFile) {
            Object spec = at(single(docs, "KeycloakRealmImport"), "spec");
            Map<String, Object> fed = map(spec).containsKey("placeholders") ? map(at(spec, "placeholders")) : Map.of();
            Set<String> missing = new TreeSet<>(names);
            missing.removeAll(fed.keySet());

            assertTrue(missing.isEmpty(), () -> "realmImport.placeholders in " + valuesFile + " lacks " + missing);
            fed.values().forEach(source -> assertTrue(at(source, "secret", "key") instanceof String, source::toString));
        }

        @Test
        void chartCopyOfTheRealmIsIdenticalToKeycloakRealmFile() throws IOException {
            String sync = "run: cp keycloak/kuznia-realm.json helm/kuznia/files/kuznia-realm.json";
            if (!Files.isRegularFile(REALM_SOURCE)) {
                fail("keycloak/kuznia-realm.json is missing, so the chart's copy cannot be checked; create it, then " + sync);
            }
            long firstDifference = Files.mismatch(REALM_SOURCE, REALM_COPY);

            assertEquals(-1L, firstDifference,
                    () -> "helm/kuznia/files/kuznia-realm.json differs from keycloak/kuznia-realm.json at byte "
                            + firstDifference + "; " + sync);
        }
    }

    @Nested
    class ProductionValues {

        @Test
        void runTwoToSixReplicasBehindTlsWithMonitoringAndTheRealmImport() {
            List<Map<String, Object>> docs = renderProduction();

            assertEquals(2, at(single(docs, "HorizontalPodAutoscaler"), "spec", "minReplicas"));
            assertEquals(6, at(single(docs, "HorizontalPodAutoscaler"), "spec", "maxReplicas"));
            assertEquals("kuznia-tls", at(single(docs, "Ingress"), "spec", "tls", 0, "secretName"));
            assertTrue(kinds(docs).containsAll(List.of("ServiceMonitor", "KeycloakRealmImport", "PodDisruptionBudget", "NetworkPolicy")),
                    () -> kinds(docs).toString());
            assertEquals("kuznia-db-app",
                    at(env(container(docs), "QUARKUS_DATASOURCE_PASSWORD"), "valueFrom", "secretKeyRef", "name"));
        }
    }

    @Nested
    class Schema {

        @ParameterizedTest(name = "{0}={1} is rejected")
        @CsvSource({
                "hpa.minReplicas, 0, hpa.minReplicas",
                "hpa.maxReplicas, 0, hpa.maxReplicas",
                "replicaTypo, 2, Additional property replicaTypo is not allowed",
                "image.tag, 123, image.tag",
                "image.tag, '', image.tag",
                "mail.startTls, SOMETIMES, mail.startTls",
                "secrets.existingSecret, '', secrets.existingSecret",
                "hpa.unknownField, 1, Additional property unknownField is not allowed",
                "securityContext.runAsUser, 0, securityContext.runAsUser",
                "resources.limits.memory, null, resources.limits",
        })
        void rejectsInvalidValues(String key, String value, String expectedInMessage) {
            IllegalStateException error = assertThrows(IllegalStateException.class, () -> render(Map.of(key, value)));

            assertTrue(error.getMessage().contains(SCHEMA_REJECTION), error::getMessage);
            assertTrue(error.getMessage().contains(expectedInMessage), error::getMessage);
        }
    }

    // ---- rendering -----------------------------------------------------------------------

    private static List<Map<String, Object>> render() {
        return render(Map.of());
    }

    /** Values go through --set, so Helm types them as it would on the command line (0 is a number). */
    private static List<Map<String, Object>> render(Map<String, Object> values) {
        TemplateCommand command = new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE);
        values.forEach(command::set);
        return parse(command.call());
    }

    private static List<Map<String, Object>> renderProduction() {
        return parse(new Helm(CHART).template().withName(RELEASE).withNamespace(NAMESPACE)
                .withValuesFile(PRODUCTION_VALUES).call());
    }

    private static List<Map<String, Object>> parse(String manifests) {
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : yaml().loadAll(manifests)) {
            if (doc != null) {
                docs.add(map(doc));
            }
        }
        return docs;
    }

    private static Map<String, Object> single(List<Map<String, Object>> docs, String kind) {
        List<Map<String, Object>> found = docs.stream().filter(d -> kind.equals(d.get("kind"))).collect(Collectors.toList());
        assertEquals(1, found.size(), () -> "expected one " + kind + ", rendered kinds: " + kinds(docs));
        return found.get(0);
    }

    private static List<String> kinds(List<Map<String, Object>> docs) {
        return docs.stream().map(d -> String.valueOf(d.get("kind"))).collect(Collectors.toList());
    }

    private static Map<String, Object> container(List<Map<String, Object>> docs) {
        return container(single(docs, "Deployment"));
    }

    private static Map<String, Object> container(Map<String, Object> deployment) {
        List<Object> containers = list(at(deployment, "spec", "template", "spec", "containers"));
        assertEquals(1, containers.size(), containers::toString);
        return map(containers.get(0));
    }

    private static Object env(Map<String, Object> container, String name) {
        return list(container.get("env")).stream().filter(e -> name.equals(at(e, "name"))).findFirst().orElse(null);
    }

    private static String checksum(List<Map<String, Object>> docs) {
        Object value = at(single(docs, "Deployment"), "spec", "template", "metadata", "annotations", "checksum/config");
        assertTrue(value instanceof String && ((String) value).matches("[0-9a-f]{64}"), () -> "checksum/config: " + value);
        return (String) value;
    }

    private static List<Object> ports(Object rule) {
        return list(at(rule, "ports")).stream().map(p -> at(p, "port")).collect(Collectors.toList());
    }

    private static List<List<Object>> egressPorts(Map<String, Object> policy) {
        return list(at(policy, "spec", "egress")).stream().map(HelmChartTest::ports).collect(Collectors.toList());
    }

    /** Each ingress peer as the namespace it admits, "<same namespace>" for a bare podSelector. */
    private static Set<String> peers(Object rule) {
        return list(at(rule, "from")).stream()
                .map(peer -> map(peer).containsKey("namespaceSelector")
                        ? String.valueOf(at(peer, "namespaceSelector", "matchLabels", "kubernetes.io/metadata.name"))
                        : "<same namespace>")
                .collect(Collectors.toSet());
    }

    // ---- chart copies (for lint with other values, and for a broken realm file) ---------

    private static Path copyChart(Path target) {
        Path chart = target.resolve("kuznia");
        try (Stream<Path> files = Files.walk(CHART)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path copy = chart.resolve(CHART.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(source, copy);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return chart;
    }

    /** Helm's merge of a -f file onto values.yaml: maps merge key by key, anything else is replaced. */
    private static Map<String, Object> deepMerge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> merged = new LinkedHashMap<>(base);
        overlay.forEach((key, value) -> {
            Object current = merged.get(key);
            merged.put(key, current instanceof Map && value instanceof Map ? deepMerge(map(current), map(value)) : value);
        });
        return merged;
    }

    // ---- YAML access ------------------------------------------------------------------------

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }

    private static Map<String, Object> loadYaml(Path file) {
        try {
            return map(yaml().load(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void writeString(Path file, String content) {
        try {
            Files.writeString(file, content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Walks maps by key and lists by index; a missing step fails the test with the path so far. */
    private static Object at(Object node, Object... path) {
        Object current = node;
        for (int i = 0; i < path.length; i++) {
            Object step = path[i];
            if (step instanceof Integer && current instanceof List && (Integer) step < ((List<?>) current).size()) {
                current = ((List<?>) current).get((Integer) step);
            } else if (step instanceof String && current instanceof Map && ((Map<?, ?>) current).containsKey(step)) {
                current = ((Map<?, ?>) current).get(step);
            } else {
                throw new AssertionError("no " + step + " at " + List.of(path).subList(0, i) + " in " + node);
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        assertTrue(node instanceof Map, () -> "expected a mapping, got " + node);
        return (Map<String, Object>) node;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object node) {
        assertTrue(node instanceof List, () -> "expected a sequence, got " + node);
        return (List<Object>) node;
    }
}
