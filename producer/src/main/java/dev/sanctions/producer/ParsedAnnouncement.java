package dev.sanctions.producer;

import dev.sanctions.avro.Announcement;
import java.nio.file.Path;

/** An announcement that passed every check, with the place it was read from. */
public record ParsedAnnouncement(Path file, int line, Announcement announcement) {}
