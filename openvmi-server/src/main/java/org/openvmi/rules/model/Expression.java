package org.openvmi.rules.model;

import dev.cel.checker.CelStandardDeclarations;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelFunctionDecl;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelOverloadDecl;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelFunctionBinding;
import dev.cel.runtime.CelLateFunctionBindings;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.cel.runtime.CelStandardFunctions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A compiled CEL expression over the rule context ({@link Variable#ALL}). CEL is sandboxed by design: no I/O, no
 * loops but bounded macros, no access to Java objects; on top of that the text is limited to
 * {@value #MAX_CHARS} characters, nesting to 32 levels and macro iterations to 1,000, so one evaluation is cheap and
 * bounded (ADR 0048); {@code matches} (regular expressions) is not offered. A condition must be a bool, a quantity
 * a number.
 */
public final class Expression {

    public static final int MAX_CHARS = 2_000;

    public enum Result {
        CONDITION,
        QUANTITY
    }

    /**
     * {@code projectedAvailable(days)}: the availability timeline's projected available after every open line dated up
     * to today + days (late lines count from today), a double; bound per subject when evaluated.
     */
    public static final String PROJECTED_AVAILABLE = "projectedAvailable";

    private static final String PROJECTED_AVAILABLE_INT = "projectedAvailable_int";

    private static final CelOptions OPTIONS = CelOptions.current()
            .maxExpressionCodePointSize(MAX_CHARS)
            .maxParseRecursionDepth(32)
            .comprehensionMaxIterations(1_000)
            .enableHeterogeneousNumericComparisons(true)
            .build();
    private static final CelCompiler COMPILER = compiler();
    // matches() is left out: java.util.regex backtracks without bound on a hostile pattern, and one evaluation
    // cannot be interrupted; equality, startsWith, contains … cover codes and categories
    private static final CelRuntime RUNTIME = CelRuntimeFactory.standardCelRuntimeBuilder()
            .setOptions(OPTIONS)
            .setStandardEnvironmentEnabled(false)
            .setStandardFunctions(CelStandardFunctions.newBuilder()
                    .excludeFunctions(CelStandardFunctions.StandardFunction.MATCHES)
                    .build())
            .build();

    private final String text;
    private final CelRuntime.Program program;
    private final boolean usesFunctions;

    private Expression(String text, CelRuntime.Program program) {
        this.text = text;
        this.program = program;
        this.usesFunctions = text.contains(PROJECTED_AVAILABLE + "(") || text.contains(PROJECTED_AVAILABLE + " (");
    }

    /**
     * Compilations by kind and text: a rule's run (an event's above all) compiles its texts again every time, which
     * costs milliseconds a text; programs are immutable, so one serves every run. Cleared when it grows past
     * {@value #CACHED} texts (rules are edited rarely; the editor's keystrokes are what would fill it).
     */
    private static final java.util.concurrent.ConcurrentHashMap<String, Compilation> COMPILED =
            new java.util.concurrent.ConcurrentHashMap<>();

    private static final int CACHED = 2_000;

    /** Compiles, or lists the problems with their position; never throws for bad text. */
    public static Compilation compile(String text, Result expected) {
        if (text == null || text.length() > MAX_CHARS) {
            return compileNow(text, expected);
        }
        String key = expected.name() + '\u0000' + text;
        Compilation known = COMPILED.get(key);
        if (known != null) {
            return known;
        }
        Compilation c = compileNow(text, expected);
        if (COMPILED.size() >= CACHED) {
            COMPILED.clear();
        }
        COMPILED.put(key, c);
        return c;
    }

    private static Compilation compileNow(String text, Result expected) {
        if (text == null || text.isBlank()) {
            return new Compilation(null, List.of(new CelProblem(0, 0, "is required", "required", List.of())));
        }
        if (text.length() > MAX_CHARS) {
            return new Compilation(
                    null,
                    List.of(new CelProblem(
                            0, 0, "at most " + MAX_CHARS + " characters", "rules.tooLong", List.of(MAX_CHARS))));
        }
        CelValidationResult result = COMPILER.compile(text);
        if (result.hasError()) {
            return new Compilation(null, problems(result.getErrors()));
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            CelType type = ast.getResultType();
            boolean ok = expected == Result.CONDITION
                    ? type.equals(SimpleType.BOOL)
                    : type.equals(SimpleType.DOUBLE) || type.equals(SimpleType.INT);
            if (!ok) {
                String want = expected == Result.CONDITION ? "bool (true or false)" : "number";
                return new Compilation(
                        null,
                        List.of(new CelProblem(
                                1,
                                1,
                                "the expression gives " + type.name() + ", a " + want + " is needed",
                                expected == Result.CONDITION ? "rules.celNotBool" : "rules.celNotNumber",
                                List.of(type.name()))));
            }
            return new Compilation(new Expression(text, RUNTIME.createProgram(ast)), List.of());
        } catch (CelValidationException | CelEvaluationException e) {
            return new Compilation(null, List.of(new CelProblem(0, 0, e.getMessage())));
        }
    }

    private static List<CelProblem> problems(List<CelIssue> issues) {
        List<CelProblem> list = new ArrayList<>();
        for (CelIssue i : issues) {
            // CEL counts columns from 0; people (and editors) from 1
            int line = Math.max(i.getSourceLocation().getLine(), 0);
            int column = i.getSourceLocation().getColumn() < 0
                    ? 0
                    : i.getSourceLocation().getColumn() + 1;
            list.add(new CelProblem(line, column, i.getMessage()));
        }
        return list;
    }

    /** Evaluates against one subject's values; a runtime error (division by zero …) is thrown as such. */
    public Object evaluate(Map<String, Object> values) throws EvaluationException {
        try {
            return program.eval(values);
        } catch (CelEvaluationException | RuntimeException e) {
            throw new EvaluationException(e.getMessage());
        }
    }

    /**
     * Evaluates against one subject's values, with the functions bound to that subject. The binding closes over the
     * subject (not immutable), which is safe: it lives only for this one evaluation on this thread.
     */
    @SuppressWarnings("Immutable")
    public Object evaluate(Map<String, Object> values, Facts subject) throws EvaluationException {
        if (!usesFunctions || subject == null) {
            return evaluate(values);
        }
        try {
            return program.eval(
                    values,
                    CelLateFunctionBindings.from(CelFunctionBinding.from(
                            PROJECTED_AVAILABLE_INT, Long.class, days -> subject.projectedAvailable(days))));
        } catch (CelEvaluationException | RuntimeException e) {
            throw new EvaluationException(e.getMessage());
        }
    }

    public boolean test(Map<String, Object> values) throws EvaluationException {
        return Boolean.TRUE.equals(evaluate(values));
    }

    public boolean test(Map<String, Object> values, Facts subject) throws EvaluationException {
        return Boolean.TRUE.equals(evaluate(values, subject));
    }

    public double number(Map<String, Object> values) throws EvaluationException {
        return number(values, null);
    }

    public double number(Map<String, Object> values, Facts subject) throws EvaluationException {
        Object v = evaluate(values, subject);
        if (v instanceof Number n) {
            double d = n.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new EvaluationException("the quantity is not a finite number");
            }
            return d;
        }
        throw new EvaluationException("the quantity is not a number");
    }

    public String text() {
        return text;
    }

    /** An expression, or why it is not one. */
    public record Compilation(Expression expression, List<CelProblem> problems) {
        public Compilation {
            problems = List.copyOf(problems); // shared by every caller of the same text
        }

        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** A subject's evaluation failed. */
    public static final class EvaluationException extends Exception {
        public EvaluationException(String message) {
            super(message);
        }
    }

    private static CelCompiler compiler() {
        CelCompilerBuilder b = CelCompilerFactory.standardCelCompilerBuilder()
                .setOptions(OPTIONS)
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS) // bounded by comprehensionMaxIterations
                .setStandardEnvironmentEnabled(false)
                .setStandardDeclarations(CelStandardDeclarations.newBuilder()
                        .excludeFunctions(CelStandardDeclarations.StandardFunction.MATCHES)
                        .build());
        b.addFunctionDeclarations(CelFunctionDecl.newFunctionDeclaration(
                PROJECTED_AVAILABLE,
                CelOverloadDecl.newGlobalOverload(PROJECTED_AVAILABLE_INT, SimpleType.DOUBLE, SimpleType.INT)));
        for (Variable v : Variable.ALL) {
            b.addVar(
                    v.name(),
                    switch (v.kind()) {
                        case DOUBLE -> SimpleType.DOUBLE;
                        case INT -> SimpleType.INT;
                        case STRING -> SimpleType.STRING;
                        case BOOL -> SimpleType.BOOL;
                        case MAP_DOUBLE -> MapType.create(SimpleType.STRING, SimpleType.DOUBLE);
                        case LIST_STRING -> ListType.create(SimpleType.STRING);
                    });
        }
        return b.build();
    }
}
