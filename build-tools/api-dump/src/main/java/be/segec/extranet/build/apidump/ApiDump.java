package be.segec.extranet.build.apidump;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the public API of a module's compiled classes as sorted, stable text: one block per
 * class of an exported package, one line per public or protected member, with generic
 * signatures, modifiers, superclass, interfaces, record components and enum constants, and no
 * annotations. Two builds of the same API give the same text; any change of a signature
 * changes it.
 *
 * <p>Exported packages are those the module's {@code module-info.class} exports to everyone,
 * or, when the module has none, every package whose name has no {@code internal} segment.
 */
public final class ApiDump {

    private ApiDump() {
    }

    /**
     * The API of the classes under {@code classesDirectory}, loaded (not initialised) through
     * {@code loader}, which must see them and every type their signatures name.
     *
     * @param classesDirectory a compiled module's output folder ({@code target/classes})
     * @param loader a class loader that sees those classes and their dependencies
     * @return the dump, lines ending with {@code \n}
     * @throws IOException if the folder cannot be read
     */
    public static String dump(Path classesDirectory, ClassLoader loader) throws IOException {
        Predicate<String> exported = exportedPackages(classesDirectory);
        List<Class<?>> classes = new ArrayList<>();
        for (String name : classNames(classesDirectory)) {
            String pkg = name.lastIndexOf('.') < 0 ? "" : name.substring(0, name.lastIndexOf('.'));
            if (!exported.test(pkg)) {
                continue;
            }
            Class<?> type;
            try {
                type = Class.forName(name, false, loader);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("api-dump: cannot load " + name + ": " + e, e);
            }
            if (isApi(type)) {
                classes.add(type);
            }
        }
        classes.sort(Comparator.comparing(Class::getName));
        StringBuilder out = new StringBuilder();
        for (Class<?> type : classes) {
            out.append(header(type)).append(" {\n");
            for (String line : members(type)) {
                out.append("  ").append(line).append('\n');
            }
            out.append("}\n\n");
        }
        return out.toString();
    }

    /** Whether a class can be named from outside its package: a public top-level class, or a public or protected member class of one. */
    static boolean isApi(Class<?> type) {
        if (type.isSynthetic() || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        int m = type.getModifiers();
        Class<?> outer = type.getDeclaringClass();
        if (outer == null) {
            return Modifier.isPublic(m);
        }
        return (Modifier.isPublic(m) || Modifier.isProtected(m)) && isApi(outer);
    }

    private static Predicate<String> exportedPackages(Path classesDirectory) throws IOException {
        Path moduleInfo = classesDirectory.resolve("module-info.class");
        if (Files.isRegularFile(moduleInfo)) {
            ModuleDescriptor descriptor;
            try (InputStream in = Files.newInputStream(moduleInfo)) {
                descriptor = ModuleDescriptor.read(in);
            }
            Set<String> exports = descriptor.exports().stream()
                    .filter(e -> !e.isQualified())
                    .map(ModuleDescriptor.Exports::source)
                    .collect(Collectors.toSet());
            return exports::contains;
        }
        return pkg -> !isInternal(pkg);
    }

    /**
     * Whether a package is an implementation package: a segment of its name is {@code internal}.
     *
     * @param pkg a package name
     * @return true for {@code a.internal} and {@code a.internal.b}, false for {@code a.internals}
     */
    static boolean isInternal(String pkg) {
        return Arrays.asList(pkg.split("\\.")).contains("internal");
    }

    private static List<String> classNames(Path classesDirectory) throws IOException {
        try (Stream<Path> files = Files.walk(classesDirectory)) {
            return files.filter(Files::isRegularFile)
                    .map(p -> classesDirectory.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> p.endsWith(".class"))
                    .filter(p -> !p.endsWith("module-info.class") && !p.endsWith("package-info.class"))
                    .filter(p -> !p.startsWith("META-INF/"))
                    .map(p -> p.substring(0, p.length() - ".class".length()).replace('/', '.'))
                    .sorted()
                    .collect(Collectors.toList());
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    private static String header(Class<?> type) {
        StringBuilder s = new StringBuilder();
        int mods = type.getModifiers() & Modifier.classModifiers();
        String kind;
        if (type.isAnnotation()) {
            kind = "@interface";
            mods &= ~(Modifier.ABSTRACT | Modifier.STATIC);
        } else if (type.isInterface()) {
            kind = "interface";
            mods &= ~(Modifier.ABSTRACT | Modifier.STATIC);
        } else if (type.isEnum()) {
            kind = "enum";
            mods &= ~(Modifier.FINAL | Modifier.STATIC | Modifier.ABSTRACT);
        } else if (type.isRecord()) {
            kind = "record";
            mods &= ~(Modifier.FINAL | Modifier.STATIC);
        } else {
            kind = "class";
        }
        String modifiers = Modifier.toString(mods);
        if (!modifiers.isEmpty()) {
            s.append(modifiers).append(' ');
        }
        if (type.isSealed()) {
            s.append("sealed ");
        }
        s.append(kind).append(' ').append(type.getName()).append(typeParameters(type.getTypeParameters()));
        if (type.isRecord()) {
            s.append(Arrays.stream(type.getRecordComponents())
                    .map(ApiDump::component)
                    .collect(Collectors.joining(", ", "(", ")")));
        }
        Type superclass = type.getGenericSuperclass();
        if (superclass != null && superclass != Object.class && !type.isEnum() && !type.isRecord()) {
            s.append(" extends ").append(name(superclass));
        }
        List<String> interfaces = Arrays.stream(type.getGenericInterfaces())
                .map(ApiDump::name)
                .filter(n -> !(type.isAnnotation() && n.equals("java.lang.annotation.Annotation")))
                .sorted()
                .collect(Collectors.toList());
        if (!interfaces.isEmpty()) {
            s.append(type.isInterface() ? " extends " : " implements ").append(String.join(", ", interfaces));
        }
        if (type.isSealed()) {
            s.append(Arrays.stream(type.getPermittedSubclasses())
                    .map(Class::getName).sorted().collect(Collectors.joining(", ", " permits ", "")));
        }
        return s.toString();
    }

    /** Members in a reader's order: enum constants, fields, constructors, methods, nested classes; each by name, then signature. */
    private static final Comparator<String> MEMBER_ORDER = Comparator.comparingInt(ApiDump::category)
            .thenComparing(ApiDump::memberName)
            .thenComparing(Comparator.naturalOrder());

    private static int category(String line) {
        if (line.startsWith("enum constant ")) {
            return 0;
        }
        if (line.startsWith("field ") || line.contains(" field ")) {
            return 1;
        }
        if (line.contains("<init>(")) {
            return 2;
        }
        if (line.startsWith("nested ")) {
            return 4;
        }
        return 3;
    }

    private static String memberName(String line) {
        String s = line.replaceFirst("  // from .*$", "");
        int paren = s.indexOf('(');
        if (paren >= 0) {
            s = s.substring(0, paren);
        }
        return s.substring(s.lastIndexOf(' ') + 1);
    }

    private static Set<String> members(Class<?> type) {
        Set<String> lines = new TreeSet<>(MEMBER_ORDER);
        // a public class inherits the public members of a package-private superclass: they are its API
        List<Class<?>> declaring = new ArrayList<>();
        declaring.add(type);
        for (Class<?> c = type.getSuperclass(); c != null && !Modifier.isPublic(c.getModifiers()); c = c.getSuperclass()) {
            declaring.add(c);
        }
        for (Class<?> c : declaring) {
            String inherited = c == type ? "" : "  // from " + c.getName();
            for (Field f : c.getDeclaredFields()) {
                if (!visible(f) || f.isSynthetic()) {
                    continue;
                }
                if (f.isEnumConstant()) {
                    lines.add("enum constant " + f.getName() + inherited);
                } else {
                    lines.add(modifiers(f.getModifiers() & Modifier.fieldModifiers(), type) + "field "
                            + name(f.getGenericType()) + " " + f.getName() + inherited);
                }
            }
            if (c == type && !type.isInterface()) {
                for (Constructor<?> k : c.getDeclaredConstructors()) {
                    if (visible(k) && !k.isSynthetic()) {
                        lines.add(modifiers(k.getModifiers() & Modifier.constructorModifiers(), type)
                                + typeParametersSpaced(k.getTypeParameters()) + "<init>" + parameters(k) + exceptions(k));
                    }
                }
            }
            for (Method m : c.getDeclaredMethods()) {
                if (!visible(m) || m.isSynthetic() || m.isBridge()) {
                    continue;
                }
                int mods = m.getModifiers() & Modifier.methodModifiers();
                if (type.isInterface()) {
                    mods &= ~Modifier.ABSTRACT;
                }
                String prefix = modifiers(mods, type) + (m.isDefault() ? "default " : "");
                lines.add(prefix + typeParametersSpaced(m.getTypeParameters()) + name(m.getGenericReturnType()) + " "
                        + m.getName() + parameters(m) + exceptions(m) + inherited);
            }
        }
        for (Class<?> nested : type.getDeclaredClasses()) {
            if (isApi(nested)) {
                lines.add("nested " + nested.getName());
            }
        }
        return lines;
    }

    private static boolean visible(Member member) {
        int m = member.getModifiers();
        return Modifier.isPublic(m) || Modifier.isProtected(m);
    }

    private static String modifiers(int mods, Class<?> owner) {
        if (owner.isInterface()) {
            // public is implied for every interface member
            mods &= ~Modifier.PUBLIC;
        }
        String s = Modifier.toString(mods);
        return s.isEmpty() ? "" : s + " ";
    }

    private static String parameters(Executable e) {
        Type[] types = e.getGenericParameterTypes();
        if (types.length != e.getParameterCount()) {
            // an inner class's constructor: the generic signature leaves out the enclosing instance
            types = e.getParameterTypes();
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < types.length; i++) {
            String n = name(types[i]);
            if (e.isVarArgs() && i == types.length - 1 && n.endsWith("[]")) {
                n = n.substring(0, n.length() - 2) + "...";
            }
            names.add(n);
        }
        return "(" + String.join(", ", names) + ")";
    }

    private static String exceptions(Executable e) {
        Type[] thrown = e.getGenericExceptionTypes();
        if (thrown.length == 0) {
            return "";
        }
        return Arrays.stream(thrown).map(ApiDump::name).sorted().collect(Collectors.joining(", ", " throws ", ""));
    }

    private static String typeParametersSpaced(TypeVariable<?>[] variables) {
        String s = typeParameters(variables);
        return s.isEmpty() ? "" : s + " ";
    }

    private static String typeParameters(TypeVariable<?>[] variables) {
        if (variables.length == 0) {
            return "";
        }
        return Arrays.stream(variables).map(v -> {
            List<String> bounds = Arrays.stream(v.getBounds())
                    .filter(b -> b != Object.class)
                    .map(ApiDump::name)
                    .collect(Collectors.toList());
            return bounds.isEmpty() ? v.getName() : v.getName() + " extends " + String.join(" & ", bounds);
        }).collect(Collectors.joining(", ", "<", ">"));
    }

    /** A type as source would write it, with binary names for nested classes ({@code Outer$Inner}). */
    static String name(Type type) {
        if (type instanceof Class<?> c) {
            return c.isArray() ? name(c.getComponentType()) + "[]" : c.getName();
        }
        if (type instanceof ParameterizedType p) {
            String raw = name(p.getRawType());
            return raw + Arrays.stream(p.getActualTypeArguments()).map(ApiDump::name)
                    .collect(Collectors.joining(", ", "<", ">"));
        }
        if (type instanceof GenericArrayType a) {
            return name(a.getGenericComponentType()) + "[]";
        }
        if (type instanceof WildcardType w) {
            if (w.getLowerBounds().length > 0) {
                return "? super " + Arrays.stream(w.getLowerBounds()).map(ApiDump::name).collect(Collectors.joining(" & "));
            }
            List<String> upper = Arrays.stream(w.getUpperBounds()).filter(b -> b != Object.class)
                    .map(ApiDump::name).collect(Collectors.toList());
            return upper.isEmpty() ? "?" : "? extends " + String.join(" & ", upper);
        }
        if (type instanceof TypeVariable<?> v) {
            return v.getName();
        }
        return type.getTypeName();
    }

    private static String component(RecordComponent c) {
        return name(c.getGenericType()) + " " + c.getName();
    }
}
