package dev.sanctions.producer;

/** Where one announcement landed on the announcements topic. */
public record Published(String announcementId, String authority, int actions, int partition, long offset) {}
