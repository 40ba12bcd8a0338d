/**
 * The parser: schema text to the syntax tree of package {@code ast}, reporting syntax problems as
 * diagnostics. Above both {@code ast} and {@code diagnostics}, so that neither depends on the other's
 * users (no package cycles).
 */
package dev.facet.schema.parser;
