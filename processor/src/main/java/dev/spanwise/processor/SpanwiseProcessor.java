package dev.spanwise.processor;

import com.google.auto.service.AutoService;
import dev.spanwise.annotations.ResultAttribute;
import dev.spanwise.annotations.ResultAttributes;
import dev.spanwise.annotations.Span;
import dev.spanwise.annotations.SpanAttribute;
import dev.spanwise.annotations.SpanAttributes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Checks {@code @Span}, {@code @SpanAttribute} and {@code @ResultAttribute} against Sentry's and
 * OpenTelemetry's conventions, and writes the catalogue {@code META-INF/spanwise/spans.json} of
 * the valid {@code @Span} methods. It generates no code: the aspect reads attributes itself.
 *
 * <p>Validate, then record: every finding of a round is collected and reported; a method with an
 * error is left out of the catalogue. Supports every annotation ({@code "*"}) because
 * mid-call attributes ({@code Spans.current().attribute(...)}) may be in classes without any
 * Spanwise annotation; it never claims any.
 */
@AutoService(Processor.class)
public final class SpanwiseProcessor extends AbstractProcessor {

  private Options options;
  private SpanMethodValidator methods;
  private AttributeValidator attributes;
  private ContinueTraceValidator continueTraces;
  private PathResolver paths;
  private Optional<SpanHandleCalls> handleCalls = Optional.empty();
  /** javac's Trees, or null with another compiler. */
  private com.sun.source.util.Trees trees;
  private final List<CatalogueWriter.Entry> catalogue = new ArrayList<>();
  private final List<Element> catalogueOrigins = new ArrayList<>();

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    options = Options.from(env.getOptions());
  }

  private void setUp() {
    Conventions conventions = Conventions.load();
    NameChecks names = new NameChecks(conventions, options);
    JavaTypes javaTypes = new JavaTypes(processingEnv);
    paths = new PathResolver(processingEnv);
    attributes = new AttributeValidator(names, paths, javaTypes);
    continueTraces = new ContinueTraceValidator(processingEnv, paths);
    methods = new SpanMethodValidator(new OpCheck(conventions), attributes, new MethodKeys(processingEnv));
    handleCalls = SpanHandleCalls.create(processingEnv, names, javaTypes);
    trees = handleCalls.map(SpanHandleCalls::trees).orElse(null);
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of("*");
  }

  @Override
  public Set<String> getSupportedOptions() {
    return Options.NAMES;
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      if (methods == null) {
        setUp();
      }
      paths.forgetRound();
      if (round.processingOver()) {
        writeCatalogue();
      } else {
        processSpans(round);
        processOrphanAttributes(round);
        handleCalls.ifPresent(calls -> round.getRootElements().stream()
            .filter(element -> element instanceof TypeElement)
            .forEach(element -> calls.scan((TypeElement) element)));
      }
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format(trace));
    }
    return false;
  }

  private void processSpans(RoundEnvironment round) {
    Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
    for (Element element : round.getElementsAnnotatedWith(Span.class)) {
      if (element.getKind() == ElementKind.METHOD) {
        byClass.computeIfAbsent((TypeElement) element.getEnclosingElement(), c -> new ArrayList<>())
            .add((ExecutableElement) element);
      }
    }
    for (Map.Entry<TypeElement, List<ExecutableElement>> entry : byClass.entrySet()) {
      TypeElement type = entry.getKey();
      List<SpanMethod> valid = new ArrayList<>();
      for (ExecutableElement method : entry.getValue()) {
        Report report = new Report();
        continueTraces.validate(method, report);
        Optional<SpanMethod> model = methods.validate(method, report);
        report.printTo(processingEnv.getMessager(), trees);
        model.ifPresent(valid::add);
      }
      String binaryName = processingEnv.getElementUtils().getBinaryName(type).toString();
      valid.forEach(method -> catalogue.add(new CatalogueWriter.Entry(binaryName, method)));
      catalogueOrigins.add(type);
    }
  }

  /** {@code @SpanAttribute} and {@code @ContinueTrace} on a method without {@code @Span}. */
  private void processOrphanAttributes(RoundEnvironment round) {
    Set<Element> annotated = new LinkedHashSet<>();
    for (String name : List.of(SpanAttribute.class.getName(), SpanAttributes.class.getName(),
        ContinueTraceValidator.CONTINUE_TRACE, ResultAttribute.class.getName(),
        ResultAttributes.class.getName())) {
      TypeElement annotation = processingEnv.getElementUtils().getTypeElement(name);
      if (annotation != null) {
        annotated.addAll(round.getElementsAnnotatedWith(annotation));
      }
    }
    for (Element element : annotated) {
      if (element.getKind() == ElementKind.METHOD) {
        processOrphanResults((ExecutableElement) element);
        continue;
      }
      Element method = element.getEnclosingElement();
      if (element.getKind() != ElementKind.PARAMETER
          || Annotations.find(method, Span.class.getName()) != null) {
        continue;
      }
      Report report = new Report();
      List<Annotations.Repeated> spanAttributes = Annotations.repeated(
          element, SpanAttribute.class.getName(), SpanAttributes.class.getName());
      for (int i = 0; i < spanAttributes.size(); i++) {
        Annotations.Repeated attribute = spanAttributes.get(i);
        int index = attribute.mirror() == attribute.reportOn() ? -1 : i;
        report.add(Message.ORPHAN_ATTRIBUTE,
            new Report.Where(element, attribute.reportOn(),
                Annotations.explicit(attribute.mirror(), "value"))
                .inRepeated(index, "SpanAttribute", "value"),
            method.getSimpleName(), Annotations.string(attribute.mirror(), "value"));
      }
      AnnotationMirror continueTrace = Annotations.find(element, ContinueTraceValidator.CONTINUE_TRACE);
      if (continueTrace != null) {
        report.add(Message.ORPHAN_CONTINUE_TRACE, new Report.Where(element, continueTrace, null),
            method.getSimpleName(), element.getSimpleName());
      }
      report.printTo(processingEnv.getMessager(), trees);
    }
  }

  /** {@code @ResultAttribute} on a method without {@code @Span}: nothing would read it. */
  private void processOrphanResults(ExecutableElement method) {
    if (Annotations.find(method, Span.class.getName()) != null) {
      return;
    }
    Report report = new Report();
    List<Annotations.Repeated> results = Annotations.repeated(
        method, ResultAttribute.class.getName(), ResultAttributes.class.getName());
    for (int i = 0; i < results.size(); i++) {
      Annotations.Repeated result = results.get(i);
      int index = result.mirror() == result.reportOn() ? -1 : i;
      report.add(Message.ORPHAN_RESULT_ATTRIBUTE,
          new Report.Where(method, result.reportOn(), Annotations.explicit(result.mirror(), "value"))
              .inRepeated(index, "ResultAttribute", "value"),
          method.getSimpleName(), Annotations.string(result.mirror(), "value"));
    }
    report.printTo(processingEnv.getMessager(), trees);
  }

  private void writeCatalogue() {
    if (catalogue.isEmpty()) {
      return;
    }
    try {
      FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
          CatalogueWriter.RESOURCE, catalogueOrigins.toArray(new Element[0]));
      try (Writer writer = file.openWriter()) {
        writer.write(CatalogueWriter.write(catalogue));
      }
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          Message.INTERNAL_ERROR.format("cannot write " + CatalogueWriter.RESOURCE + ": " + e));
    }
  }
}
