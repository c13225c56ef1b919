package dev.spanwise.processor;

import com.google.auto.service.AutoService;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import dev.spanwise.annotations.ExpectedException;
import dev.spanwise.annotations.ExpectedExceptions;
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
import java.util.Set;
import java.util.function.Supplier;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Checks {@code @Span}, {@code @SpanAttribute}, {@code @ResultAttribute}, {@code @ContinueTrace}
 * and {@code @ExpectedException} against Sentry's and OpenTelemetry's conventions, and writes the
 * catalogue {@code META-INF/spanwise/spans.json} of the valid {@code @Span} methods. It generates
 * no code: the aspect reads attributes itself.
 *
 * <p>Validate, then record: each validator returns its own {@link Report}; a method whose report
 * has an error is left out of the catalogue. Supports only Spanwise's annotations, so javac hands
 * it just their elements; the {@code Spans.current().attribute(...)} calls, which may be anywhere,
 * are checked by a javac listener once javac has analysed each class ({@link SpanHandleCalls}).
 * It never claims any annotation.
 */
@AutoService(Processor.class)
public final class SpanwiseProcessor extends AbstractProcessor {

  /** The annotations read by the aspect only together with {@code @Span}. */
  private static final List<String> DEPENDENT_ANNOTATIONS = List.of(
      SpanAttribute.class.getName(), SpanAttributes.class.getName(),
      ContinueTraceValidator.CONTINUE_TRACE, ResultAttribute.class.getName(),
      ResultAttributes.class.getName(), ExpectedException.class.getName(),
      ExpectedExceptions.class.getName());

  private Options options;
  private Checks checks;
  /** javac's Trees, or null with another compiler. */
  private Trees trees;
  private final AttributeTypes attributeTypes = new AttributeTypes();
  /** Set in the last round: what is printed later is printed through javac's trees. */
  private boolean processingOver;
  private final OrphanValidator orphans = new OrphanValidator();
  private final List<CatalogueWriter.Entry> catalogue = new ArrayList<>();
  private final List<Element> catalogueOrigins = new ArrayList<>();
  /** Each traced class's declarations, for {@link #printer}. */
  private final Map<TypeElement, Declarations> declarations = new java.util.HashMap<>();

  /** What the checks need, made once, on the first element or call to check. */
  private static final class Checks {
    final NameChecks names;
    final SpanMethodValidator methods;
    final PathResolver paths;

    Checks(ProcessingEnvironment env, Options options, JavaTypes javaTypes) {
      Conventions conventions = Conventions.load();
      names = new NameChecks(conventions, options);
      paths = new PathResolver(env);
      methods = new SpanMethodValidator(new OpCheck(conventions),
          new AttributeValidator(names, paths, javaTypes), new ContinueTraceValidator(env, paths),
          new ExpectedExceptionValidator(env), new MethodKeys(env));
    }
  }

  @Override
  public synchronized void init(ProcessingEnvironment env) {
    super.init(env);
    options = Options.from(env.getOptions());
    JavaTypes javaTypes = new JavaTypes(env);
    Supplier<NameChecks> names = () -> checks(javaTypes).names;
    trees = SpanHandleCalls.register(env, names, javaTypes, attributeTypes).orElse(null);
  }

  private Checks checks(JavaTypes javaTypes) {
    if (checks == null) {
      checks = new Checks(processingEnv, options, javaTypes);
    }
    return checks;
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> names = new LinkedHashSet<>();
    names.add(Span.class.getName());
    names.addAll(DEPENDENT_ANNOTATIONS);
    return names;
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
      if (round.processingOver()) {
        processingOver = true;
        writeCatalogue();
        return false;
      }
      if (annotations.isEmpty()) {
        return false;
      }
      Checks checks = checks(new JavaTypes(processingEnv));
      checks.paths.forgetRound();
      Set<TypeElement> dependents = new LinkedHashSet<>();
      for (TypeElement annotation : annotations) {
        if (annotation.getQualifiedName().contentEquals(Span.class.getName())) {
          processSpans(round.getElementsAnnotatedWith(annotation), checks);
        } else {
          dependents.add(annotation);
        }
      }
      // One walk over the round's elements for all the others (javac walks them all for each
      // annotation asked about), and each element checked once, whatever it carries.
      if (!dependents.isEmpty()) {
        for (Element element : round.getElementsAnnotatedWithAny(dependents.toArray(new TypeElement[0]))) {
          orphans.validate(element).printTo(processingEnv.getMessager(), trees);
        }
      }
    } catch (RuntimeException e) {
      StringWriter trace = new StringWriter();
      e.printStackTrace(new PrintWriter(trace));
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR, Message.INTERNAL_ERROR.format(trace));
    }
    return false;
  }

  private void processSpans(Set<? extends Element> spans, Checks checks) {
    Map<TypeElement, List<ExecutableElement>> byClass = new LinkedHashMap<>();
    for (Element element : spans) {
      if (element.getKind() == ElementKind.METHOD) {
        byClass.computeIfAbsent((TypeElement) element.getEnclosingElement(), c -> new ArrayList<>())
            .add((ExecutableElement) element);
      }
    }
    for (Map.Entry<TypeElement, List<ExecutableElement>> entry : byClass.entrySet()) {
      TypeElement type = entry.getKey();
      String binaryName = processingEnv.getElementUtils().getBinaryName(type).toString();
      for (ExecutableElement method : entry.getValue()) {
        Validated<SpanMethod> validated = checks.methods.validate(method);
        validated.report().printTo(processingEnv.getMessager(), trees);
        validated.model().ifPresent(model -> {
          catalogue.add(new CatalogueWriter.Entry(binaryName, model));
          recordTypes(type, model);
        });
      }
      catalogueOrigins.add(type);
    }
  }

  /** Every attribute of a valid method, for the one-name-one-type check of the compilation. */
  private void recordTypes(TypeElement type, SpanMethod model) {
    String method = type.getSimpleName() + "." + model.method().getSimpleName() + "()";
    for (SpanMethod.Attribute attribute : model.arguments()) {
      attributeTypes.recordAnnotation("@SpanAttribute", attribute.name(), attribute.type(),
          Message.parameterPlace(attribute.parameterName(), method), printer(attribute.where(), type));
    }
    for (SpanMethod.Attribute attribute : model.results()) {
      attributeTypes.recordAnnotation("@ResultAttribute", attribute.name(), attribute.type(),
          Message.resultPlace(method), printer(attribute.where(), type));
    }
  }

  /**
   * Prints at {@code where}: during processing as every report prints; later (a call that the
   * listener finds may conflict) at the value found among the class's declarations ({@link
   * SourcePlaces}), because javac maps elements to trees only while it processes. The class's
   * declarations are taken now, once per class; the value is looked for only when a message is
   * printed, which almost no attribute ever needs.
   */
  private NameChecks.Findings printer(Report.Where where, TypeElement type) {
    Declarations declarations = declarationsOf(type);
    return (kind, message, arguments) -> {
      Tree tree = processingOver && declarations != null
          ? SourcePlaces.find(declarations.members(), where) : null;
      if (tree == null) {
        Report.about(where.element()).add(kind, message, where, arguments)
            .printTo(processingEnv.getMessager(), trees);
      } else {
        trees.printMessage(kind, message.format(arguments), tree, declarations.unit());
      }
    };
  }

  /** A class's members as its tree lists them during processing, and its compilation unit. */
  private record Declarations(List<? extends Tree> members, CompilationUnitTree unit) {}

  private Declarations declarationsOf(TypeElement type) {
    if (trees == null) {
      return null;
    }
    return declarations.computeIfAbsent(type, t -> {
      TreePath path = trees.getPath(t);
      return path != null && path.getLeaf() instanceof ClassTree declared
          ? new Declarations(declared.getMembers(), path.getCompilationUnit()) : null;
    });
  }

  private void writeCatalogue() {
    if (catalogue.isEmpty()) {
      return;
    }
    try {
      FileObject file = processingEnv.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "",
          CatalogueWriter.RESOURCE, catalogueOrigins.toArray(new Element[0]));
      try (Writer writer = file.openWriter()) {
        writer.write(CatalogueWriter.write(catalogue, attributeTypes.annotationConflicts()));
      }
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(Diagnostic.Kind.ERROR,
          Message.INTERNAL_ERROR.format("cannot write " + CatalogueWriter.RESOURCE + ": " + e));
    }
  }
}
