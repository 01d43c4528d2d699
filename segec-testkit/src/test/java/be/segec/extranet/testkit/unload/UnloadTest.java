package be.segec.extranet.testkit.unload;

import static org.assertj.core.api.Assertions.assertThat;

import be.segec.extranet.core.SchoolId;
import be.segec.extranet.core.transfer.SegecTransfer;
import be.segec.extranet.http.HttpTransport;
import be.segec.extranet.testkit.FakeSegecServer;
import java.lang.ref.WeakReference;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An application server that redeploys the vendor's application must be able to unload the
 * library: after a transfer run by classes of a throwaway class loader (segec-core, segec-http
 * and their dependencies, as a web application would bundle them), with that loader as the
 * thread's context class loader, no thread of the loader remains and the loader is collected.
 */
class UnloadTest {

    private static final SchoolId SCHOOL = SchoolId.of(1234);
    private static final String LOADER_NAME = "throwaway-application";
    /** Garbage collections tried before the loader is declared kept: the HttpClient's threads end some seconds after it is unreachable. */
    private static final int COLLECTIONS = 600;

    private final FakeSegecServer server = FakeSegecServer.builder().school(SCHOOL, "token-1234").start();

    @AfterEach
    void close() {
        server.close();
    }

    @Test
    void theLibraryLeavesNothingBehindThatKeepsItsClassLoader() throws Exception {
        WeakReference<ClassLoader> loader = runOneTransferInAThrowawayLoader();
        theNextApplicationLinksItsRecords();

        List<String> keeping = List.of();
        for (int i = 0; i < COLLECTIONS && (loader.get() != null || !(keeping = threadsOfTheLoader()).isEmpty()); i++) {
            System.gc();
            Thread.sleep(50); // lets the HttpClient's selector thread see that its client is gone
        }
        assertThat(threadsOfTheLoader()).as("threads whose class or context class loader is the application's")
                .isEmpty();
        assertThat(loader.get()).as("the application's class loader after %d collections (threads: %s)",
                COLLECTIONS, keeping).isNull();
    }

    /** Everything that refers to the loader lives in this method's frame only. */
    private WeakReference<ClassLoader> runOneTransferInAThrowawayLoader() throws Exception {
        URLClassLoader loader = new URLClassLoader(LOADER_NAME, libraryUrls(), ClassLoader.getPlatformClassLoader());
        Thread current = Thread.currentThread();
        ClassLoader previous = current.getContextClassLoader();
        current.setContextClassLoader(loader); // as an application server does while the application runs
        try {
            @SuppressWarnings("unchecked")
            Function<String, String> app = (Function<String, String>) loader
                    .loadClass(TransferInLoader.class.getName()).getDeclaredConstructor().newInstance();
            assertThat(app.getClass().getClassLoader()).isSameAs(loader);
            assertThat(loader.loadClass(SegecTransfer.class.getName()).getClassLoader()).as("segec-core's classes")
                    .isSameAs(loader);
            assertThat(loader.loadClass(HttpTransport.class.getName()).getClassLoader()).as("segec-http's classes")
                    .isSameAs(loader);

            String result = app.apply(server.baseUri() + " token-1234 " + SCHOOL.fase());

            assertThat(result).startsWith("COMPLETED");
            assertThat(server.accounts()).hasSize(3);
        } finally {
            current.setContextClassLoader(previous);
            loader.close();
        }
        return new WeakReference<>(loader);
    }

    /**
     * Java 17 keeps, in the one-entry {@code asType} caches of a few static method handles, the
     * last record type whose {@code equals}, {@code hashCode} and {@code toString} it linked
     * (JDK-8078641, fixed in Java 18): the library's records stay the last ones until another
     * record is linked anywhere in the JVM, as the redeployed application's are. This record
     * plays that part; the library itself holds nothing.
     */
    private static void theNextApplicationLinksItsRecords() {
        NextDeployment next = new NextDeployment("segec", List.of("core", "http"));
        assertThat(next).isNotEqualTo(new NextDeployment("segec", List.of()));
        assertThat(next.hashCode()).isEqualTo(new NextDeployment("segec", List.of("core", "http")).hashCode());
        assertThat(next.toString()).contains("segec");
    }

    private record NextDeployment(String name, List<String> parts) {
    }

    /** The library and what it needs, as an application would bundle them: no class of the test's loader is shared. */
    private static URL[] libraryUrls() throws ClassNotFoundException, URISyntaxException, java.net.MalformedURLException {
        Set<URL> urls = new LinkedHashSet<>();
        for (String type : List.of(TransferInLoader.class.getName(), SegecTransfer.class.getName(),
                HttpTransport.class.getName(), "tools.jackson.core.json.JsonFactory", "jakarta.validation.Validation",
                "org.hibernate.validator.HibernateValidator", "org.jboss.logging.Logger",
                "com.fasterxml.classmate.TypeResolver")) {
            urls.add(Class.forName(type).getProtectionDomain().getCodeSource().getLocation().toURI().toURL());
        }
        return urls.toArray(URL[]::new);
    }

    /** Live threads whose class or context class loader is the throwaway one (by its name: no reference is kept). */
    private static List<String> threadsOfTheLoader() {
        List<String> out = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (isTheLoader(t.getContextClassLoader()) || isTheLoader(t.getClass().getClassLoader())) {
                out.add(t.getName());
            }
        }
        return out;
    }

    private static boolean isTheLoader(ClassLoader cl) {
        return cl != null && LOADER_NAME.equals(cl.getName());
    }
}
