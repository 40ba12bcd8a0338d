package dev.facet.ui;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class that is one concern of a view model (paging, sorting, the edit session, ...) without being named
 * {@code *ViewModel}: it holds state and commands, builds no nodes, and is tested without a Stage. The architecture
 * test holds every class so marked to the same rule as the view models (no {@code javafx.scene}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ViewModelPart {}
