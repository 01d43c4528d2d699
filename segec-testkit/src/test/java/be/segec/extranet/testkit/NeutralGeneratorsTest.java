package be.segec.extranet.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.segec.extranet.core.StaffMember;
import be.segec.extranet.testkit.quicktheories.QuickTheoriesAdapter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The generators are framework-neutral: no type of QuickTheories in the API of the testkit's
 * packages other than the adapter's, no reference to QuickTheories in their classes, and they
 * generate and shrink where QuickTheories cannot be loaded at all (a vendor who left the optional
 * dependency out).
 */
class NeutralGeneratorsTest {

    private static final String QUICKTHEORIES = "org.quicktheories";

    @Test
    void noPublicSignatureOutsideTheAdapterNamesAQuickTheoriesType() throws Exception {
        List<String> leaks = new ArrayList<>();
        List<Class<?>> classes = testkitClasses(p -> !p.contains("/quicktheories/"));
        assertThat(classes).contains(StaffGenerators.class, Generator.class, Generator.Sample.class, GeneratedSchool.class);
        for (Class<?> c : classes) {
            if (!Modifier.isPublic(c.getModifiers())) {
                continue;
            }
            List<String> signatures = new ArrayList<>();
            signatures.add(String.valueOf(c.getGenericSuperclass()));
            Stream.of(c.getGenericInterfaces()).forEach(t -> signatures.add(t.getTypeName()));
            for (Method m : c.getDeclaredMethods()) {
                if (exposed(m.getModifiers())) {
                    signatures.add(m.toGenericString());
                }
            }
            for (Executable k : c.getDeclaredConstructors()) {
                if (exposed(k.getModifiers())) {
                    signatures.add(k.toGenericString());
                }
            }
            for (Field f : c.getDeclaredFields()) {
                if (exposed(f.getModifiers())) {
                    signatures.add(f.toGenericString());
                }
            }
            signatures.stream().filter(s -> s.contains(QUICKTHEORIES)).forEach(s -> leaks.add(c.getName() + ": " + s));
        }
        assertThat(leaks).isEmpty();
    }

    @Test
    void onlyTheAdapterPackageRefersToQuickTheories() throws Exception {
        Path root = classesRoot();
        List<String> referring = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String bytes = new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
                if (bytes.contains("org/quicktheories")) {
                    referring.add(root.relativize(f).toString().replace('\\', '/'));
                }
            }
        }
        assertThat(referring).isNotEmpty()
                .allMatch(p -> p.startsWith("be/segec/extranet/testkit/quicktheories/"), "in the adapter package");
    }

    @Test
    void theGeneratorsWorkWhereQuickTheoriesCannotBeLoaded() throws Exception {
        ClassLoader withoutQt = new WithoutQuickTheories(getClass().getClassLoader());
        assertThatThrownBy(() -> Class.forName("org.quicktheories.core.Gen", true, withoutQt))
                .isInstanceOf(ClassNotFoundException.class);

        Class<?> generators = Class.forName(StaffGenerators.class.getName(), true, withoutQt);
        assertThat(generators.getClassLoader()).isSameAs(withoutQt);
        Object schools = generators.getMethod("schools").invoke(null);
        Object members = generators.getMethod("staffMembers").invoke(null);
        Class<?> generator = Class.forName(Generator.class.getName(), true, withoutQt);
        RandomGenerator random = (RandomGenerator) generator.getMethod("seeded", long.class).invoke(null, 9L);
        Object school = generator.getMethod("generate", RandomGenerator.class).invoke(schools, random);
        assertThat(school.getClass().getMethod("staff").invoke(school)).asList().isNotEmpty();
        Object sample = generator.getMethod("sample", RandomGenerator.class).invoke(members, random);
        Predicate<Object> always = m -> true;
        Object shrunk = sample.getClass().getMethod("shrink", Predicate.class).invoke(sample, always);
        assertThat(shrunk.getClass().getMethod("value").invoke(shrunk)).isInstanceOf(StaffMember.class);

        Class<?> adapter = Class.forName(QuickTheoriesAdapter.class.getName(), true, withoutQt);
        assertThatThrownBy(() -> adapter.getMethod("gen", generator)).isInstanceOf(NoClassDefFoundError.class);
    }

    private static boolean exposed(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static Path classesRoot() throws URISyntaxException {
        return Path.of(StaffGenerators.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    private static List<Class<?>> testkitClasses(Predicate<String> pathFilter) throws Exception {
        Path root = classesRoot();
        List<Class<?>> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root.resolve("be/segec/extranet/testkit"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String path = root.relativize(f).toString().replace('\\', '/');
                if (pathFilter.test(path)) {
                    classes.add(Class.forName(path.substring(0, path.length() - ".class".length()).replace('/', '.'),
                            false, NeutralGeneratorsTest.class.getClassLoader()));
                }
            }
        }
        return classes;
    }

    /** Defines the testkit's classes itself and finds no QuickTheories class, as a vendor's class path without it. */
    private static final class WithoutQuickTheories extends ClassLoader {

        WithoutQuickTheories(ClassLoader parent) {
            super(parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (name.startsWith(QUICKTHEORIES + ".")) {
                throw new ClassNotFoundException(name);
            }
            if (!name.startsWith("be.segec.extranet.testkit.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    try (InputStream in = getParent().getResourceAsStream(name.replace('.', '/') + ".class")) {
                        if (in == null) {
                            throw new ClassNotFoundException(name);
                        }
                        byte[] b = in.readAllBytes();
                        c = defineClass(name, b, 0, b.length);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }
                return c;
            }
        }
    }
}
