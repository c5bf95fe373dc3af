/**
 * The wsk4j annotation processor, {@link io.wsk4j.processor.WskProcessor}: it validates the handler methods marked
 * with the annotations of {@code io.wsk4j.annotations} and writes one {@code <Handler>Dispatch} class per handler
 * class.
 *
 * <h2>Where to start</h2>
 *
 * <p>Nothing here is called by applications. Put this artifact on the compiler's processor path (Maven:
 * {@code annotationProcessorPaths} of maven-compiler-plugin; Gradle: the {@code annotationProcessor}
 * configuration), never on the class path: since JDK 23 javac runs no processor that it merely finds on the class
 * path unless given {@code -proc:full}, and the processor path keeps this artifact's own dependencies off the
 * application's run-time class path. javac finds the processor through {@code META-INF/services}; it is isolating
 * for Gradle's incremental compilation.
 *
 * <h2>What it does in a build</h2>
 *
 * <p>Per round it collects the annotated methods by class, checks each class against the rules (a mistake is one
 * error on the offending method, with a sentence that says how to fix it, and no file for that class), and writes
 * the dispatch class under the compiler's generated-sources directory. The output is deterministic and names the
 * runtime's types ({@code io.wsk4j.Irp} and the rest) without loading them, so the processor itself needs only the
 * annotations. It runs in the compiler's thread; the code it generates runs on the provider's I/O threads, where
 * the glue owns the IRPs of the simple handler shapes and the handler owns those of the faithful shape.
 *
 * <p>Rule ids such as "SPEC P7" refer to the behaviour contract, {@code docs/SPEC.md} in the wsk4j source
 * repository, where each rule is one line that starts with its id; the {@code io.wsk4j} package says why they are
 * plain text.
 */
package io.wsk4j.processor;
