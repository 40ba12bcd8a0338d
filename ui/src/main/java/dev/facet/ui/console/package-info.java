/**
 * The Prisma Client console: a tab where the user types {@code prisma.user.findMany({...})}, with completion from the
 * schema, and runs it through the project's engine. {@link dev.facet.ui.console.ConsoleViewModel} holds the state and
 * commands without any node; {@link dev.facet.ui.console.ConsoleView} builds the nodes.
 */
package dev.facet.ui.console;
