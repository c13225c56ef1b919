package dev.spanwise.demo.search;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/search?q=}: {@code { results }}, an empty list for an empty query. */
@RestController
public class SearchController {

  private final SearchService search;

  public SearchController(SearchService search) {
    this.search = search;
  }

  @GetMapping("/api/search")
  public SearchResponse search(@RequestParam(name = "q", defaultValue = "") String query) {
    return search.search(query);
  }
}
