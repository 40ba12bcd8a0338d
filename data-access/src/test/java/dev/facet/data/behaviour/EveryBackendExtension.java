package dev.facet.data.behaviour;

import dev.facet.data.connector.ConnectorCapability;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.ArgumentsProvider;
import org.opentest4j.TestAbortedException;

/**
 * The machinery of {@link EveryBackend}: gives every backend (and relation mode) as arguments, and before each
 * invocation skips a backend that lacks what the test declares it needs, saying what is missing.
 */
final class EveryBackendExtension implements ArgumentsProvider, InvocationInterceptor {
    /** The relation modes of {@link EveryBackend#modes()}. */
    static final String FOREIGN_KEYS = "foreignKeys";
    static final String EMULATED = "prisma";

    @Override
    public Stream<? extends Arguments> provideArguments(ExtensionContext context) {
        boolean modes = annotation(context.getRequiredTestMethod()).modes();
        return Stream.of(Backend.values()).flatMap(b -> modes ? Stream.of(Arguments.of(b, FOREIGN_KEYS), Arguments.of(b, EMULATED)) : Stream.of(Arguments.of(b)));
    }

    @Override
    public void interceptTestTemplateMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
                                            ExtensionContext extensionContext) throws Throwable {
        List<Object> args = invocationContext.getArguments();
        Backend backend = (Backend) args.get(0);
        String missing = missing(backend, extensionContext.getRequiredTestClass(), invocationContext.getExecutable(),
                args.size() > 1 && FOREIGN_KEYS.equals(args.get(1)));
        if (missing.isEmpty()) {
            invocation.proceed();
            return;
        }
        invocation.skip();
        throw new TestAbortedException(backend + " lacks " + missing);
    }

    /** @return what {@code backend} lacks of the test's declared needs, empty when nothing */
    static String missing(Backend backend, Class<?> testClass, Method test, boolean foreignKeyMode) {
        List<ConnectorCapability> capabilities = new ArrayList<>();
        List<SchemaFeature> features = new ArrayList<>();
        EveryBackend own = annotation(test);
        capabilities.addAll(List.of(own.requires()));
        features.addAll(List.of(own.schema()));
        AnnotationSupport.findAnnotation(testClass, SuiteRequires.class).ifPresent(s -> {
            capabilities.addAll(List.of(s.requires()));
            features.addAll(List.of(s.schema()));
        });
        if (foreignKeyMode) capabilities.add(ConnectorCapability.FOREIGN_KEYS);
        List<String> lacking = new ArrayList<>();
        capabilities.stream().distinct().filter(c -> !backend.supports(c)).forEach(c -> lacking.add("capability " + c));
        features.stream().distinct().filter(f -> !backend.allows(f)).forEach(f -> lacking.add("schema feature " + f));
        return String.join(", ", lacking);
    }

    private static EveryBackend annotation(Method test) {
        return AnnotationSupport.findAnnotation(test, EveryBackend.class)
                .orElseThrow(() -> new IllegalStateException(test + " is not annotated @EveryBackend"));
    }
}
