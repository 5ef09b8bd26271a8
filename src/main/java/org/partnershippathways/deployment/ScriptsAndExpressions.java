package org.partnershippathways.deployment;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.w3c.dom.Attr;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A deployment is code that runs inside the application, so a model may run only what this application offers:
 * no scripts, no Java classes, no connectors, delegates that are our steps, and expressions from an allow-list.
 * An expression may read process variables and their fields, compare and combine them, read
 * {@code execution.processBusinessKey}, set or read a variable through {@code execution}, read a decision's result,
 * use a few harmless methods of strings, lists and dates ({@code dateTime()}, {@code now()}), and call the helpers
 * made for models (setting {@code pathways.deployment-gate.expression-beans}: {@code workingDays},
 * {@code stepUpTimescales}); it may not reach any other bean of the application (the engine resolves every
 * Spring bean by name), nor the engine's or Java's machinery ({@code getClass}, {@code processEngineServices},
 * ...), nor call any other method.
 */
final class ScriptsAndExpressions {

  private static final Set<String> EXECUTION_MEMBERS = Set.of("processBusinessKey", "businessKey",
      "processInstanceId", "setVariable", "getVariable", "setVariableLocal", "getVariableLocal", "hasVariable");
  /** Methods of decision results, collections, strings and dates, whatever object they are called on. */
  private static final Set<String> RESULT_METHODS = Set.of("getSingleResult", "getSingleEntry", "getResultList",
      "collectEntries", "getEntry", "get", "size", "isEmpty", "contains", "containsKey", "substring", "startsWith",
      "endsWith", "toUpperCase", "toLowerCase", "trim", "length", "equals", "plusDays", "plusHours", "plusMinutes",
      "minusDays", "toDate");
  private static final Set<String> FUNCTIONS = Set.of("now", "dateTime");
  private static final Set<String> KEYWORDS = Set.of("empty", "not", "and", "or", "eq", "ne", "lt", "gt", "le", "ge",
      "div", "mod", "true", "false", "null", "instanceof");
  private static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task");
  private static final Pattern METHOD_CALL = Pattern.compile("\\.\\s*([A-Za-z_]\\w*)\\s*\\(");
  private static final Pattern MACHINERY = Pattern.compile(
      "(?i)class|engine|service|runtime|context|bean|loader|invoke|reflect|method|field|constructor");
  private static final Set<String> NOT_EVALUATED = Set.of("documentation", "textAnnotation", "description");
  private static final Set<String> NO_CODE = Set.of("scriptTask", "script", "connector");
  private static final Pattern EXPRESSION = Pattern.compile("[$#]\\{(.*?)}", Pattern.DOTALL);
  private static final Pattern STRING = Pattern.compile("'(?:[^'\\\\]|\\\\.)*'|\"(?:[^\"\\\\]|\\\\.)*\"");
  private static final Pattern NAME_CHAIN = Pattern.compile(
      "(?<![\\w.])([A-Za-z_]\\w*)((?:\\s*\\.\\s*[A-Za-z_]\\w*)*)(\\s*\\()?");
  private static final Pattern MEMBER = Pattern.compile("\\.\\s*([A-Za-z_]\\w*)");
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  private final Surroundings surroundings;
  private final Set<String> helpers;
  private final Pattern helperCall;
  private final List<BrokenRule> broken = new ArrayList<>();

  private ScriptsAndExpressions(Surroundings surroundings, Set<String> helpers) {
    this.surroundings = surroundings;
    this.helpers = helpers;
    this.helperCall = Pattern.compile("(?<![\\w.])(" + String.join("|", helpers.isEmpty() ? Set.of("\\b\\B") : helpers)
        + ")\\s*\\.\\s*[A-Za-z_]\\w*\\s*\\(");
  }

  /** @param helpers the beans whose methods expressions may call */
  static List<BrokenRule> check(List<ModelFile> files, Surroundings surroundings, Set<String> helpers) {
    ScriptsAndExpressions check = new ScriptsAndExpressions(surroundings, helpers);
    for (ModelFile file : files) {
      if (file.isBpmn() || file.isDmn()) {
        check.checkFile(file);
      }
    }
    return check.broken;
  }

  private void checkFile(ModelFile file) {
    Element root;
    try {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      DocumentBuilder builder = factory.newDocumentBuilder();
      root = builder.parse(new ByteArrayInputStream(file.content())).getDocumentElement();
    } catch (Exception unreadable) {
      broken.add(new BrokenRule(file.name(), null, "is not a model Camunda can read"));
      return;
    }
    visit(file, root, null);
  }

  private void visit(ModelFile file, Element element, String ownerId) {
    String id = element.hasAttribute("id") ? element.getAttribute("id") : ownerId;
    String name = element.getLocalName();
    if (NOT_EVALUATED.contains(name)) {
      return;
    }
    if (NO_CODE.contains(name)) {
      broken.add(new BrokenRule(file.name(), id, "runs a " + (name.equals("connector") ? "connector" : "script")
          + ", which models may not: ask for a step of the application instead"));
    }
    if (element.hasAttribute("language") && name.endsWith("Expression") || element.hasAttributeNS(CAMUNDA, "resource")
        || element.hasAttribute("scriptFormat")) {
      broken.add(new BrokenRule(file.name(), id, "runs a script, which models may not"));
    }
    if (element.hasAttribute("expressionLanguage") && !"feel".equalsIgnoreCase(element.getAttribute("expressionLanguage"))
        && file.isDmn()) {
      broken.add(new BrokenRule(file.name(), id, "uses the expression language '"
          + element.getAttribute("expressionLanguage") + "'; decisions use FEEL only"));
    }
    NamedNodeMap attributes = element.getAttributes();
    for (int i = 0; i < attributes.getLength(); i++) {
      Attr attribute = (Attr) attributes.item(i);
      checkAttribute(file, id, element, attribute);
    }
    NodeList children = element.getChildNodes();
    for (int i = 0; i < children.getLength(); i++) {
      Node child = children.item(i);
      if (child instanceof Element childElement) {
        visit(file, childElement, id);
      } else if (child.getNodeType() == Node.TEXT_NODE || child.getNodeType() == Node.CDATA_SECTION_NODE) {
        checkExpressions(file, id, child.getNodeValue());
      }
    }
  }

  private void checkAttribute(ModelFile file, String id, Element element, Attr attribute) {
    String local = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
    if (!CAMUNDA.equals(attribute.getNamespaceURI()) && !"delegateExpression".equals(local)
        && !"class".equals(local)) {
      checkExpressions(file, id, attribute.getValue());
      return;
    }
    if ("class".equals(local)) {
      broken.add(new BrokenRule(file.name(), id, "runs the Java class " + attribute.getValue()
          + "; models may run only the application's steps (delegate expression ${name})"));
    } else if ("delegateExpression".equals(local)) {
      checkDelegate(file, id, element, attribute.getValue());
    } else {
      checkExpressions(file, id, attribute.getValue());
    }
  }

  private void checkDelegate(ModelFile file, String id, Element element, String value) {
    Matcher bean = Pattern.compile("^\\$\\{\\s*([A-Za-z_]\\w*)\\s*}$").matcher(value.strip());
    if (!bean.matches()) {
      broken.add(new BrokenRule(file.name(), id, "the delegate '" + value + "' should name one of the application's"
          + " steps, like ${registerConcern}"));
      return;
    }
    Optional<Class<?>> type = surroundings.beanType(bean.group(1));
    boolean listener = element.getLocalName().endsWith("Listener");
    boolean step = type.isPresent() && (listener
        ? ExecutionListener.class.isAssignableFrom(type.get()) || TaskListener.class.isAssignableFrom(type.get())
        : JavaDelegate.class.isAssignableFrom(type.get()));
    if (!step) {
      broken.add(new BrokenRule(file.name(), id, "calls '" + bean.group(1) + "', which is not a "
          + (listener ? "listener" : "step") + " the application provides"));
    }
  }

  private void checkExpressions(ModelFile file, String id, String text) {
    if (text == null || !(text.contains("${") || text.contains("#{"))) {
      return;
    }
    Matcher expression = EXPRESSION.matcher(text);
    while (expression.find()) {
      String refusal = refusal(STRING.matcher(expression.group(1)).replaceAll("''"));
      if (refusal != null) {
        broken.add(new BrokenRule(file.name(), id, "the expression " + expression.group().strip() + " " + refusal));
      }
    }
  }

  /** Why the expression (string literals blanked) is not allowed, or null when it is. */
  String refusal(String expression) {
    Matcher member = MEMBER.matcher(expression);
    while (member.find()) {
      if (MACHINERY.matcher(member.group(1)).find()) {
        return "reaches '" + member.group(1) + "', which models may not";
      }
    }
    String body = helperCall.matcher(expression).replaceAll("$1(");
    Matcher method = METHOD_CALL.matcher(body);
    while (method.find()) {
      if (!EXECUTION_MEMBERS.contains(method.group(1)) && !RESULT_METHODS.contains(method.group(1))) {
        return "calls " + method.group(1) + "(), which models may not";
      }
    }
    Matcher chain = NAME_CHAIN.matcher(body);
    while (chain.find()) {
      String root = chain.group(1);
      List<String> members = new ArrayList<>();
      Matcher next = MEMBER.matcher(chain.group(2));
      while (next.find()) {
        members.add(next.group(1));
      }
      if (KEYWORDS.contains(root) || helpers.contains(root)) {
        continue;
      }
      if (members.isEmpty() && chain.group(3) != null && !FUNCTIONS.contains(root)) {
        return "calls the function " + root + "(), which models may not";
      }
      if (surroundings.beanType(root).isPresent()) {
        return "reaches '" + root + "', a part of the application that models may not use";
      }
      if (ENGINE_OBJECTS.contains(root) && !members.isEmpty() && !EXECUTION_MEMBERS.contains(members.get(0))) {
        return "uses " + root + "." + members.get(0) + ", which models may not";
      }
    }
    return null;
  }
}
