package io.newsroom.news.definitions;

/** One entry of a content type's {@code model.properties} list. */
public record ContentTypeProperty(String name, PropertyType type, boolean required, boolean multiple) {}
