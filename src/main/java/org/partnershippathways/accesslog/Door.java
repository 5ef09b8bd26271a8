package org.partnershippathways.accesslog;

/** The way in through which a case was read. */
enum Door {
  API("our API"),
  ENGINE_REST("the engine's REST API"),
  WEBAPPS("Tasklist or Cockpit"),
  EXPORT("a subject access export");

  private final String words;

  Door(String words) {
    this.words = words;
  }

  String words() {
    return words;
  }

  /** The door of a request by its path: the engine's REST API, the webapps' APIs, else ours. */
  static Door ofPath(String path) {
    if (path == null) {
      return API;
    }
    if (path.startsWith("/engine-rest")) {
      return ENGINE_REST;
    }
    return path.startsWith("/camunda/") ? WEBAPPS : API;
  }

  static Door ofCode(String code) {
    try {
      return valueOf(code);
    } catch (IllegalArgumentException e) {
      return API;
    }
  }
}
