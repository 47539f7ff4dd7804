package dev.sanctions.cli;

import picocli.CommandLine;

final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String version = SanctionsCli.class.getPackage().getImplementationVersion();
    return new String[] {
      "sanctions " + (version == null ? "(development build)" : version),
      "Kafka clients " + org.apache.kafka.common.utils.AppInfoParser.getVersion(),
      "Java " + System.getProperty("java.version")
    };
  }
}
