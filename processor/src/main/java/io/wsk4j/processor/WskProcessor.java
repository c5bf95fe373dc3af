package io.wsk4j.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.FilerException;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;

/**
 * The wsk4j annotation processor (SPEC P): per round, finds the classes with handler methods, validates each into a
 * {@link HandlerModel} ({@link HandlerValidator}), plans its dispatch class ({@link Planner}) and writes it
 * ({@link DispatchWriter}, {@link GeneratedSource}).
 *
 * <p>It never claims the annotations, keeps only class names across rounds (never an {@link Element}), and writes
 * each file from one originating element, the handler class, so it is isolating for incremental builds (SPEC P9).
 */
@AutoService(Processor.class)
public final class WskProcessor extends AbstractProcessor {
    private final Function<DispatchWriter, Function<DispatchPlan, JavaFile>> writerFactory;
    /** Classes whose signatures mention types not generated yet (SPEC P9), by canonical name. */
    private final Set<String> deferred = new TreeSet<>();
    /** Classes already written or reported, so that a later round never handles them again. */
    private final Set<String> done = new TreeSet<>();
    private Planner planner;
    private DispatchWriter writer;

    /** The processor that javac finds through {@code META-INF/services}. */
    public WskProcessor() {
        this(writer -> writer::write);
    }

    /** For tests: {@code writerFactory} may replace the writer, for example with one that fails. */
    WskProcessor(Function<DispatchWriter, Function<DispatchPlan, JavaFile>> writerFactory) {
        this.writerFactory = writerFactory;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
        Set<String> names = new LinkedHashSet<>();
        for (Operation operation : Operation.values()) {
            names.add(operation.annotationName());
        }
        return names;
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
        return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
        Set<String> classes = new TreeSet<>(deferred);
        deferred.clear();
        Set<TypeElement> ours = new LinkedHashSet<>();
        for (TypeElement annotation : annotations) {
            if (Operation.forAnnotation(annotation.getQualifiedName().toString()) != null) {
                ours.add(annotation);
            }
        }
        if (!ours.isEmpty()) {
            // one scan of the round's elements for all our annotations, not one per annotation
            for (Element element : round.getElementsAnnotatedWithAny(ours.toArray(new TypeElement[0]))) {
                if (element instanceof ExecutableElement && element.getEnclosingElement() instanceof TypeElement) {
                    classes.add(((TypeElement) element.getEnclosingElement()).getQualifiedName().toString());
                }
            }
        }
        classes.removeAll(done);
        if (classes.isEmpty()) {
            return false;
        }
        // Made once per round: they hold the round's Types and Elements, which are the same for the whole build,
        // but no Element (SPEC P9).
        HandlerValidator validator =
                new HandlerValidator(processingEnv.getTypeUtils(), processingEnv.getElementUtils());
        planner().startRound();
        for (String name : classes) {
            TypeElement type = processingEnv.getElementUtils().getTypeElement(name);
            if (type == null) {
                continue; // the class itself went away; the compiler says why
            }
            process(type, validator, round.processingOver());
        }
        return false; // never claim: other processors may read these annotations too
    }

    private void process(TypeElement type, HandlerValidator validator, boolean lastRound) {
        String name = type.getQualifiedName().toString();
        ValidationReport report = new ValidationReport();
        try {
            Validation validation = validator.validate(type);
            if (validation instanceof Validation.Deferred) {
                if (lastRound) {
                    // The compiler reports the missing type itself (javac: "cannot find symbol"; ECJ: "cannot be
                    // resolved to a type"); one mistake, one error: ours is only a note that says what was skipped.
                    Problem problem = ((Validation.Deferred) validation).problem();
                    report.add(problem.element(), problem.annotation(), problem.message());
                    done.add(name);
                } else {
                    deferred.add(name);
                }
                return;
            }
            done.add(name);
            if (validation instanceof Validation.Checked) {
                Validation.Checked checked = (Validation.Checked) validation;
                report = checked.report();
                // a class with errors gets its stand-in, so that the user's code that names it adds no error
                Optional<DispatchPlan> plan = planner().plan(checked.model(), report, type);
                if (plan.isPresent()) {
                    JavaFile file = writerFactory.apply(writer()).apply(plan.get());
                    write(file, plan.get().dispatchClass().canonicalName(), type);
                }
            }
        } catch (FilerException e) {
            // the name exists in a way nothing above saw (another tool wrote it, say): the user's to resolve
            done.add(name);
            report.add(type, null,
                    Messages.DISPATCH_NAME_CLASH.format(name, e.getMessage(), "a file javac would not recreate"));
        } catch (RuntimeException | LinkageError | IOException e) {
            // A bug of ours, not the user's: say so, with the trace, on the class, and fail the build.
            done.add(name);
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            report.add(type, null, Messages.INTERNAL_ERROR.format(name, trace));
        } finally {
            report.printTo(processingEnv.getMessager());
        }
    }

    private Planner planner() {
        if (planner == null) {
            planner = new Planner(processingEnv.getClass().getName().startsWith("com.sun.tools.javac."),
                    processingEnv.getElementUtils());
        }
        return planner;
    }

    /** One writer for the build: whether {@code @Generated} exists does not change between rounds. */
    private DispatchWriter writer() {
        if (writer == null) {
            boolean generatedAvailable =
                    processingEnv.getElementUtils().getTypeElement("javax.annotation.processing.Generated") != null;
            writer = new DispatchWriter(WskProcessor.class.getName(), generatedAvailable);
        }
        return writer;
    }

    /** Renders the whole file in memory first, so that a failure never leaves half a file behind. */
    private void write(JavaFile file, String dispatchName, TypeElement type) throws IOException {
        String text = GeneratedSource.render(file);
        JavaFileObject source = processingEnv.getFiler().createSourceFile(dispatchName, type);
        try (Writer out = source.openWriter()) {
            out.write(text);
        }
    }
}
