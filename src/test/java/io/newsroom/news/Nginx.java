package io.newsroom.news;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * A real nginx in front of a test's server, started from Debian's package with a configuration of the
 * test's own ({@code server} blocks, each given a free port to listen on as {@code %PORT<n>%}). Missing
 * nginx skips the test with a message on a newcomer's machine and fails it under CI, which installs it.
 */
public final class Nginx implements AutoCloseable {
    private static final Path BINARY = Path.of("/usr/sbin/nginx");
    private final Process process;
    private final Path folder;
    private final int[] ports;

    private Nginx(Process process, Path folder, int[] ports) {
        this.process = process;
        this.folder = folder;
        this.ports = ports;
    }

    /** nginx with {@code servers} (text of server blocks using %PORT0%, %PORT1%...), listening once this returns. */
    public static Nginx start(Path folder, int serverCount, String servers) throws Exception {
        if (!Files.isExecutable(BINARY)) {
            String missing = "Proxy tests need Debian's nginx: apt-get install -y nginx (.ci/run does it)";
            if (System.getenv("CI") != null) {
                throw new IllegalStateException(missing);
            }
            Assumptions.abort(missing);
        }
        int[] ports = new int[serverCount];
        String text = servers;
        for (int i = 0; i < serverCount; i++) {
            try (ServerSocket free = new ServerSocket(0)) {
                ports[i] = free.getLocalPort();
            }
            text = text.replace("%PORT" + i + "%", String.valueOf(ports[i]));
        }
        Files.createDirectories(folder.resolve("logs"));
        Path conf = folder.resolve("nginx.conf");
        Files.writeString(conf, """
                worker_processes 1;
                pid %s/nginx.pid;
                error_log %s/logs/error.log warn;
                events { worker_connections 256; }
                http {
                  access_log off;
                  client_body_temp_path %s/body;
                  proxy_temp_path %s/proxy;
                  fastcgi_temp_path %s/fastcgi;
                  uwsgi_temp_path %s/uwsgi;
                  scgi_temp_path %s/scgi;
                %s
                }
                """.formatted(folder, folder, folder, folder, folder, folder, folder, text));
        Process process = new ProcessBuilder(
                        List.of(BINARY.toString(), "-p", folder.toString(), "-c", conf.toString(), "-g", "daemon off;"))
                .redirectErrorStream(true)
                .redirectOutput(folder.resolve("logs/stdout.log").toFile())
                .start();
        Nginx nginx = new Nginx(process, folder, ports);
        for (int port : ports) {
            Eventually.await(() -> listening(port) || !process.isAlive(), "nginx listens on " + port);
            if (!process.isAlive()) {
                throw new IllegalStateException(
                        "nginx did not start: " + Files.readString(folder.resolve("logs/stdout.log"))
                                + Files.readString(folder.resolve("logs/error.log")));
            }
        }
        return nginx;
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public String url(int server) {
        return "http://127.0.0.1:" + ports[server];
    }

    @Override
    public void close() throws Exception {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
