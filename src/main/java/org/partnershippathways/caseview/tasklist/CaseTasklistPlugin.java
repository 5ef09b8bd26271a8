package org.partnershippathways.caseview.tasklist;

import java.util.Set;
import org.camunda.bpm.tasklist.plugin.spi.impl.AbstractTasklistPlugin;

/**
 * The Tasklist plugin "Case" (registered in META-INF/services): a tab in Tasklist's task view, first of the tabs,
 * that shows what the task's decision needs (plugin-webapp/pathway-case/app/plugin.js). It reads the facts from
 * {@link CasePluginRootResource} under Tasklist's own API, so the Tasklist session authenticates it.
 */
public class CaseTasklistPlugin extends AbstractTasklistPlugin {

  public static final String ID = "pathway-case";

  @Override
  public String getId() {
    return ID;
  }

  @Override
  public Set<Class<?>> getResourceClasses() {
    return Set.of(CasePluginRootResource.class);
  }
}
