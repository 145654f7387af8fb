package io.clusterdeploy.standalone.config;

import io.clusterdeploy.engine.error.ClusterDeployException;
import io.clusterdeploy.engine.provider.ProviderTypes;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads a config file: size and encoding checks, safe YAML, then field checks. Changes nothing on disk. */
public final class ConfigLoader {
    private static final long MAX_BYTES = 1024 * 1024;

    private final ConfigParser parser;

    public ConfigLoader(ProviderTypes types) {
        this.parser = new ConfigParser(types);
    }

    /**
     * The config in {@code file}, or the defaults when {@code file} is null.
     *
     * @throws ClusterDeployException naming the field (or {@code config}); the message names the file
     */
    public StandaloneConfig load(Path file) {
        if (file == null) {
            return StandaloneConfig.defaults(StateDirs.defaultDir());
        }
        String source = file.toString();
        String text = read(source, file);
        try {
            return parser.parse(SafeYaml.load(source, text));
        } catch (ClusterDeployException e) {
            if (e.getMessage().startsWith(source + ":")) {
                throw e;
            }
            throw new ClusterDeployException(e.kind(), e.field(), source + ": " + e.getMessage(), e);
        }
    }

    private static String read(String source, Path file) {
        try {
            if (!Files.isRegularFile(file)) {
                throw ClusterDeployException.invalid("config", source + ": no such file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw ClusterDeployException.invalid("config", source + ": larger than " + MAX_BYTES + " bytes");
            }
            byte[] bytes = Files.readAllBytes(file);
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw ClusterDeployException.invalid("config", source + ": not UTF-8 text");
        } catch (IOException e) {
            throw ClusterDeployException.invalid("config", source + ": cannot read: " + e.getMessage());
        }
    }
}
