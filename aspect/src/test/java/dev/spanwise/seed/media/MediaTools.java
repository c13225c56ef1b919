package dev.spanwise.seed.media;

/** The seed's simulated {@code optimizeImage()} and {@code generateThumbnail()}. */
public interface MediaTools {

  void optimizeImage(ProcessingJob job);

  /** Returns whether the thumbnail was created (the seed: 95% of the time). */
  boolean generateThumbnail(ProcessingJob job);
}
