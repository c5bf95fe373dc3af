package io.wsk4j.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class written by the wsk4j processor (SPEC P8), so that tools (coverage, static analysis) can tell
 * generated dispatch glue from hand-written code. CLASS retention: it is in the class file, never read at run time.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WskGenerated {}
