package dev.sanctions.producer;

/**
 * Where one record landed on the announcements topic: an announcement, or one part of a snapshot.
 *
 * @param actions the actions (a snapshot part: the entries) of this record
 * @param part    the snapshot part this record is, from 0; 0 for an ordinary announcement
 * @param parts   how many parts its snapshot has; 1 for an ordinary announcement
 */
public record Published(
        String announcementId, String authority, int actions, int partition, long offset, int part, int parts) {}
