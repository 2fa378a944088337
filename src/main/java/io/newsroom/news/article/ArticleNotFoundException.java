package io.newsroom.news.article;

/** No article has the given identifier (it may have been deleted meanwhile). */
public class ArticleNotFoundException extends Exception {
    public ArticleNotFoundException(String id) {
        super("No article with id " + id);
    }
}
