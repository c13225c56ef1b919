package dev.spanwise.processor;

import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import javax.tools.JavaFileObject;

/**
 * A few name-building methods as {@code spanwise-conventions} generates them, written by hand:
 * that module builds after this one (its tests run this processor), so the tests here compile a
 * copy of its {@code @AttributeTemplate}, same name, beside the calls. Its own tests compile the
 * real {@code SentryAttributes}.
 */
final class BuiltNameSources {

  private BuiltNameSources() {}

  /** {@code AttributeTemplate}, {@code SentryAttributes} with a few families, and the span stubs. */
  static List<JavaFileObject> conventions() {
    return Compilations.with(Compilations.spanHandleStub(),
        JavaFileObjects.forSourceLines("dev.spanwise.conventions.AttributeTemplate",
            "package dev.spanwise.conventions;",
            "import java.lang.annotation.*;",
            "@Retention(RetentionPolicy.RUNTIME)",
            "@Target(ElementType.METHOD)",
            "public @interface AttributeTemplate {",
            "  String value();",
            "}"),
        JavaFileObjects.forSourceLines("dev.spanwise.conventions.SentryAttributes",
            "package dev.spanwise.conventions;",
            "public final class SentryAttributes {",
            "  public static final class Http {",
            "    @AttributeTemplate(\"http.request.header.<key>\")",
            "    public static String requestHeader(String key) { return \"http.request.header.\" + key; }",
            "    @AttributeTemplate(\"http.response.header.<key>\")",
            "    public static String responseHeader(String key) { return \"http.response.header.\" + key; }",
            "  }",
            "  public static final class Cls {",
            "    @AttributeTemplate(\"cls.source.<key>\")",
            "    @Deprecated",
            "    public static String source(String key) { return \"cls.source.\" + key; }",
            "  }",
            "  public static final class Query {",
            "    @AttributeTemplate(\"query.<key>\")",
            "    @Deprecated",
            "    public static String of(String key) { return \"query.\" + key; }",
            "  }",
            "  public static final class Mdc {",
            "    @AttributeTemplate(\"mdc.<key>\")",
            "    public static String of(String key) { return \"mdc.\" + key; }",
            "  }",
            "  public static final class Score {",
            "    @AttributeTemplate(\"score.<key>\")",
            "    public static String of(String key) { return \"score.\" + key; }",
            "  }",
            "  public static final class Mcp {",
            "    @AttributeTemplate(\"mcp.tool.result.<key>.data_size\")",
            "    @Deprecated",
            "    public static String toolResultDataSize(String key) {",
            "      return \"mcp.tool.result.\" + key + \".data_size\";",
            "    }",
            "    @AttributeTemplate(\"mcp.prompt.result.<key>.role\")",
            "    public static String promptResultRole(String key) {",
            "      return \"mcp.prompt.result.\" + key + \".role\";",
            "    }",
            "  }",
            "  /** A family this processor's conventions do not have, as a newer artifact could. */",
            "  public static final class Future {",
            "    @AttributeTemplate(\"future.family.<key>\")",
            "    public static String family(String key) { return \"future.family.\" + key; }",
            "  }",
            "  /** A method that builds a name without saying so. */",
            "  public static String plain(String key) { return \"gen_ai.usage.\" + key; }",
            "}"));
  }
}
