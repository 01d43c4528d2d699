package be.segec.extranet.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No type of an {@code internal} package is reachable from this module's API: the public and
 * protected signatures of the classes of its other packages (supertypes, fields, constructors,
 * methods, thrown types, type parameters and generic arguments) name none. A vendor compiles
 * against what the API packages show; an internal type there would be frozen with them.
 */
class NoInternalTypeInApiTest {

    @Test
    void noInternalTypeInAPublicSignature() throws Exception {
        Path classes = Path.of(FakeSegec.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names;
        try (Stream<Path> files = Files.walk(classes)) {
            names = files.filter(p -> p.toString().endsWith(".class") && !p.endsWith("module-info.class"))
                    .map(p -> classes.relativize(p).toString().replace('/', '.').replace('\\', '.'))
                    .map(n -> n.substring(0, n.length() - ".class".length())).toList();
        }
        assertThat(names).hasSizeGreaterThan(3);
        List<String> leaks = new ArrayList<>();
        int checked = 0;
        for (String name : names) {
            Class<?> c = Class.forName(name, false, FakeSegec.class.getClassLoader());
            if (isInternal(c) || !exposed(c)) {
                continue;
            }
            checked++;
            check(c.getName() + " extends", c.getGenericSuperclass(), leaks);
            for (Type t : c.getGenericInterfaces()) {
                check(c.getName() + " implements", t, leaks);
            }
            for (TypeVariable<?> v : c.getTypeParameters()) {
                check(c.getName() + "<" + v + ">", v, leaks);
            }
            for (Field f : c.getDeclaredFields()) {
                if (visible(f.getModifiers()) && !f.isSynthetic()) {
                    check(c.getName() + "." + f.getName(), f.getGenericType(), leaks);
                }
            }
            List<Executable> members = new ArrayList<>(List.of(c.getDeclaredConstructors()));
            members.addAll(List.of(c.getDeclaredMethods()));
            for (Executable e : members) {
                if (!visible(e.getModifiers()) || e.isSynthetic() || (e instanceof Method m && m.isBridge())) {
                    continue;
                }
                // a final class's protected members cannot be reached from outside its package
                if (Modifier.isProtected(e.getModifiers()) && Modifier.isFinal(c.getModifiers())) {
                    continue;
                }
                String where = c.getName() + "." + (e instanceof Constructor ? "<init>" : e.getName());
                if (e instanceof Method m) {
                    check(where + " returns", m.getGenericReturnType(), leaks);
                }
                for (Type t : e.getGenericParameterTypes()) {
                    check(where + " takes", t, leaks);
                }
                for (Type t : e.getGenericExceptionTypes()) {
                    check(where + " throws", t, leaks);
                }
                for (TypeVariable<?> v : e.getTypeParameters()) {
                    check(where + "<" + v + ">", v, leaks);
                }
            }
        }
        assertThat(checked).isGreaterThan(0);
        assertThat(leaks).as("internal types in the API").isEmpty();
    }

    /** Whether a vendor can name the class: public, and every class enclosing it public too. */
    private static boolean exposed(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers()) || k.isAnonymousClass() || k.isLocalClass()) {
                return false;
            }
        }
        return true;
    }

    private static boolean visible(int modifiers) {
        return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
    }

    private static boolean isInternal(Class<?> c) {
        return ("." + c.getPackageName() + ".").contains(".internal.");
    }

    private static void check(String where, Type type, List<String> leaks) {
        walk(where, type, leaks, new HashSet<>());
    }

    private static void walk(String where, Type type, List<String> leaks, Set<Type> seen) {
        if (type == null || !seen.add(type)) {
            return;
        }
        if (type instanceof Class<?> c) {
            while (c.isArray()) {
                c = c.getComponentType();
            }
            if (isInternal(c)) {
                leaks.add(where + " " + c.getName());
            }
        } else if (type instanceof ParameterizedType p) {
            walk(where, p.getRawType(), leaks, seen);
            walk(where, p.getOwnerType(), leaks, seen);
            for (Type a : p.getActualTypeArguments()) {
                walk(where, a, leaks, seen);
            }
        } else if (type instanceof WildcardType w) {
            for (Type b : w.getUpperBounds()) {
                walk(where, b, leaks, seen);
            }
            for (Type b : w.getLowerBounds()) {
                walk(where, b, leaks, seen);
            }
        } else if (type instanceof GenericArrayType a) {
            walk(where, a.getGenericComponentType(), leaks, seen);
        } else if (type instanceof TypeVariable<?> v) {
            for (Type b : v.getBounds()) {
                walk(where, b, leaks, seen);
            }
        }
    }
}
