package dev.facet.data.behaviour;

import dev.facet.data.connector.ConnectorCapability;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ArgumentsSource;

/**
 * Runs the test once on every {@link Backend}, which it takes as its first parameter (and, with {@link #modes()}, the
 * relation mode as its second). A backend that lacks a capability in {@link #requires()} or a schema feature in
 * {@link #schema()} is reported skipped, with the reason; the test body never asks which backend it runs on.
 * {@link SuiteRequires} on the class adds requirements to each of its tests.
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@ParameterizedTest(name = "{arguments}")
@ArgumentsSource(EveryBackendExtension.class)
@ExtendWith(EveryBackendExtension.class)
@interface EveryBackend {
    /** The connector capabilities the test needs. */
    ConnectorCapability[] requires() default {};

    /** The schema features the test's schema needs. */
    SchemaFeature[] schema() default {};

    /**
     * Whether the test also takes the relation mode ({@code "foreignKeys"}, {@code "prisma"}); the foreign-key mode
     * requires {@link ConnectorCapability#FOREIGN_KEYS}.
     */
    boolean modes() default false;
}
