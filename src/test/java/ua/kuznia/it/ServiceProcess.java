package ua.kuznia.it;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One more instance of the packaged service ({@code target/quarkus-app/quarkus-run.jar}) in its own
 * JVM, in the prod profile as a cluster runs it, for tests that need several replicas or must kill
 * one. Its console output goes to {@code target/it-instances/<name>.log}.
 */
final class ServiceProcess implements AutoCloseable {

    private static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");
    private static final Path LOG_DIR = Path.of("target", "it-instances");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final int port;
    final Path log;
    private final Map<String, String> config;
    private Process process;

    private ServiceProcess(String name, Map<String, String> config) {
        this.name = name;
        this.port = freePort();
        this.log = LOG_DIR.resolve(name + ".log");
        this.config = new TreeMap<>(config);
        this.config.put("quarkus.http.port", String.valueOf(port));
    }

    /**
     * Starts the jar with {@code config} as system properties (plus its own HTTP port) and waits
     * until {@code /q/health/ready} answers 200.
     */
    static ServiceProcess start(String name, Map<String, String> config, Duration readyWithin) {
        ServiceProcess instance = new ServiceProcess(name, config);
        try {
            Files.deleteIfExists(instance.log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        instance.start(readyWithin);
        return instance;
    }

    /** Starts it again after {@link #stop()} or {@link #kill()}, same port and configuration, appending to its log. */
    void start(Duration readyWithin) {
        if (!Files.exists(JAR)) {
            throw new IllegalStateException(JAR + " is missing: integration tests run after the package phase");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // Small enough that two instances and the test JVM fit on a CI machine.
        command.add("-Xmx256m");
        command.add("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-jar");
        command.add(JAR.toString());
        try {
            Files.createDirectories(LOG_DIR);
            process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        awaitReady(readyWithin);
    }

    private void awaitReady(Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            try {
                HttpResponse<Void> ready = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // Still starting.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new IllegalStateException(name + " not ready within " + within + "; see " + log);
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** The operating system's id of the running JVM. */
    long pid() {
        return process.pid();
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** RestAssured aimed at this instance instead of the one the Quarkus extension launched. */
    RequestSpecification given() {
        return RestAssured.given().baseUri("http://localhost").port(port);
    }

    /** SIGKILL ({@code kill -9}): no shutdown hooks, no rollback on the service's side, sockets closed by the kernel. */
    void kill() {
        process.destroyForcibly();
        waitForExit();
    }

    /** SIGTERM, as Kubernetes stops a pod: shutdown hooks run. */
    void stop() {
        process.destroy();
        waitForExit();
    }

    private void waitForExit() {
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Everything the instance wrote to its console so far. */
    List<String> logLines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (alive()) {
            stop();
        }
    }

    @Override
    public String toString() {
        return name + (alive() ? " (pid " + pid() + ", port " + port + ")" : " (stopped)");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A pause in a test; an interrupt ends the test. Shared by the integration tests of this package. */
    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
