package org.partnershippathways.migration.cockpit;

import org.partnershippathways.platform.OneResourceCockpitPlugin;

/**
 * The Cockpit plugin "Pathway changes" (registered in META-INF/services): its page,
 * plugin-webapp/pathway-changes/app/plugin.js, lists the versions with running cases, previews a move of running
 * cases to another version and starts it, through {@link PathwayChangesPluginRootResource} under Cockpit's own API
 * (the Cockpit session authenticates it).
 */
public class PathwayChangesCockpitPlugin extends OneResourceCockpitPlugin {

  public static final String ID = "pathway-changes";

  public PathwayChangesCockpitPlugin() {
    super(ID, PathwayChangesPluginRootResource.class);
  }
}
