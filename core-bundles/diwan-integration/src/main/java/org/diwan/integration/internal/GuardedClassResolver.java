package org.diwan.integration.internal;

import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.List;
import java.util.Set;

import org.apache.camel.spi.ClassResolver;

/**
 * Camel's class resolver, minus the classes that run commands or reach into the JVM. Camel resolves a class by name
 * for a route's {@code beanType}, {@code #class:} options, {@code ${type:…}}, a {@code bean:} name no bean carries,
 * {@code bodyAs(…)} and exception types: {@link RouteRules} refuses the first ones in a route file already; this is the
 * second line, should a shape slip past it. Camel's own classes and the JDK's data types resolve as before.
 */
final class GuardedClassResolver implements ClassResolver {

    /** Whole packages (and their subpackages) that no route has business resolving. */
    private static final List<String> PACKAGES = List.of("java.lang.reflect.", "java.lang.invoke.", "java.lang.instrument.",
            "java.lang.management.", "javax.script.", "javax.naming.", "javax.management.", "java.rmi.", "javax.tools.",
            "jdk.", "sun.", "com.sun.", "org.osgi.", "org.apache.felix.", "org.apache.karaf.", "groovy.",
            "org.codehaus.groovy.", "bsh.", "org.mozilla.javascript.", "org.graalvm.", "ognl.", "org.mvel2.",
            "org.springframework.expression.");

    /** Classes that run commands, load code, or stop the JVM; subclasses of the types are refused too. */
    private static final Set<String> CLASSES = Set.of("java.lang.Runtime", "java.lang.ProcessBuilder",
            "java.lang.ProcessHandle", "java.lang.Process", "java.lang.System", "java.lang.Thread", "java.lang.ThreadGroup",
            "java.lang.Class", "java.lang.ClassLoader", "java.lang.Module", "java.lang.ModuleLayer",
            "java.lang.SecurityManager", "java.lang.StackWalker", "java.net.URLClassLoader", "java.io.ObjectInputStream");

    private static final List<Class<?>> TYPES = List.of(ClassLoader.class, Process.class, ProcessBuilder.class,
            Runtime.class, Thread.class);

    private final ClassResolver delegate;

    GuardedClassResolver(ClassResolver delegate) {
        this.delegate = delegate;
    }

    static boolean refused(String name) {
        if (name == null) {
            return false;
        }
        String plain = name.trim();
        // arrays and nested names resolve to their element and outer class
        while (plain.endsWith("[]")) {
            plain = plain.substring(0, plain.length() - 2);
        }
        int nested = plain.indexOf('$');
        String outer = nested < 0 ? plain : plain.substring(0, nested);
        return CLASSES.contains(outer) || PACKAGES.stream().anyMatch(outer::startsWith);
    }

    private static <T> Class<T> checked(String name, Class<T> resolved) {
        if (resolved != null && TYPES.stream().anyMatch(type -> type.isAssignableFrom(resolved))) {
            throw refusal(name);
        }
        return resolved;
    }

    private static IllegalArgumentException refusal(String name) {
        return new IllegalArgumentException("class '" + name + "' may not be used by route files");
    }

    private static void check(String name) {
        if (refused(name)) {
            throw refusal(name);
        }
    }

    @Override
    public void addClassLoader(ClassLoader classLoader) {
        delegate.addClassLoader(classLoader);
    }

    @Override
    public Set<ClassLoader> getClassLoaders() {
        return delegate.getClassLoaders();
    }

    @Override
    public ClassLoader getClassLoader(String name) {
        return delegate.getClassLoader(name);
    }

    @Override
    public Class<?> resolveClass(String name) {
        check(name);
        return checked(name, delegate.resolveClass(name));
    }

    @Override
    public <T> Class<T> resolveClass(String name, Class<T> type) {
        check(name);
        return checked(name, delegate.resolveClass(name, type));
    }

    @Override
    public Class<?> resolveClass(String name, ClassLoader loader) {
        check(name);
        return checked(name, delegate.resolveClass(name, loader));
    }

    @Override
    public <T> Class<T> resolveClass(String name, Class<T> type, ClassLoader loader) {
        check(name);
        return checked(name, delegate.resolveClass(name, type, loader));
    }

    @Override
    public Class<?> resolveMandatoryClass(String name) throws ClassNotFoundException {
        check(name);
        return checked(name, delegate.resolveMandatoryClass(name));
    }

    @Override
    public <T> Class<T> resolveMandatoryClass(String name, Class<T> type) throws ClassNotFoundException {
        check(name);
        return checked(name, delegate.resolveMandatoryClass(name, type));
    }

    @Override
    public Class<?> resolveMandatoryClass(String name, ClassLoader loader) throws ClassNotFoundException {
        check(name);
        return checked(name, delegate.resolveMandatoryClass(name, loader));
    }

    @Override
    public <T> Class<T> resolveMandatoryClass(String name, Class<T> type, ClassLoader loader)
            throws ClassNotFoundException {
        check(name);
        return checked(name, delegate.resolveMandatoryClass(name, type, loader));
    }

    @Override
    public InputStream loadResourceAsStream(String uri) {
        return delegate.loadResourceAsStream(uri);
    }

    @Override
    public URL loadResourceAsURL(String uri) {
        return delegate.loadResourceAsURL(uri);
    }

    @Override
    public Enumeration<URL> loadResourcesAsURL(String uri) {
        return delegate.loadResourcesAsURL(uri);
    }

    @Override
    public Enumeration<URL> loadAllResourcesAsURL(String uri) {
        return delegate.loadAllResourcesAsURL(uri);
    }
}
