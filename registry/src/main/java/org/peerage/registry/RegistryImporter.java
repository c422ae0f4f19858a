package org.peerage.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.peerage.bgp.mrt.MrtInput;
import org.peerage.registry.load.BadElementException;
import org.peerage.registry.load.ImportUnit;
import org.peerage.registry.load.IxfReader;
import org.peerage.registry.load.ObjectType;
import org.peerage.registry.load.ParsedFile;
import org.peerage.registry.load.RegistryFileReader;
import org.peerage.registry.model.IxfExportInfo;
import org.peerage.registry.store.Changes;
import org.peerage.registry.store.ImportWriter;
import org.peerage.registry.store.RegistryDatabase;

/**
 * Loads registry files into the database: tells each file's shape, checks all of it, then stores it in one
 * transaction. A file is accepted whole or rejected whole. Files may be plain, gzip, bzip2 or xz; "-" reads
 * standard input.
 */
public final class RegistryImporter {
    private final RegistryDatabase db;

    public RegistryImporter(RegistryDatabase db) {
        this.db = db;
    }

    public ImportOutcome importFile(String file) throws IOException {
        return importFile(file, Optional.empty());
    }

    /**
     * @param type the object type of a PeeringDB API answer, for a file whose content and name do not tell
     * @throws IOException when the database cannot be written (a bad file is a {@link ImportOutcome.Rejected})
     */
    public ImportOutcome importFile(String file, Optional<ObjectType> type) throws IOException {
        String fileName = file.equals("-") ? "stdin" : String.valueOf(Path.of(file).getFileName());
        ParsedFile parsed;
        try (InputStream in = MrtInput.open(file)) {
            parsed = new RegistryFileReader(fileName, type).read(in);
        } catch (NoSuchFileException e) {
            return new ImportOutcome.Rejected(file, "", "no such file");
        } catch (IOException e) {
            return new ImportOutcome.Rejected(file, "", "cannot read: " + e.getMessage());
        } catch (BadElementException e) {
            return new ImportOutcome.Rejected(file, e.path(), reason(e));
        }
        ImportWriter writer = new ImportWriter(db);
        List<ImportUnit> units;
        List<String> warnings = new ArrayList<>();
        List<IxfExportInfo> exports = new ArrayList<>();
        switch (parsed) {
            case ParsedFile.PeeringDb p -> {
                units = List.of(p.unit());
                warnings.addAll(p.warnings());
            }
            case ParsedFile.Ixf x -> {
                IxfReader.Export export;
                try {
                    export = IxfReader.read(x.document(), stem(fileName), writer);
                } catch (BadElementException e) {
                    return new ImportOutcome.Rejected(file, e.path(), reason(e));
                }
                units = new ArrayList<>(export.units());
                warnings.addAll(export.warnings());
                if (!file.equals("-")) {
                    Set<String> current = new HashSet<>();
                    units.forEach(u -> current.add(u.source()));
                    for (String former : writer.formerSources(file, current)) {
                        // Stating every type with no rows removes all the former source said.
                        units.add(new ImportUnit(former, IxfReader.STATED, Map.of()));
                        warnings.add("replaces what this file said before as " + former);
                    }
                }
                for (ImportUnit u : export.units()) {
                    long ixId = u.rows(ObjectType.IX).getFirst().id();
                    exports.add(new IxfExportInfo(u.source(), ixId, file, export.version(),
                            export.timestamp()));
                }
            }
        }
        Map<ObjectType, Changes> changes = writer.write(units, file, parsed.shape().name(), exports);
        return new ImportOutcome.Imported(new ImportReport(file, parsed.shape(),
                units.stream().map(ImportUnit::source).toList(), changes, warnings));
    }

    private static String reason(BadElementException e) {
        return e.reason() + (e.line() > 0 ? " (object at line " + e.line() + ")" : "");
    }

    /** "bcix.json.gz" -> "bcix". */
    static String stem(String fileName) {
        String s = fileName;
        for (String ext : List.of(".gz", ".bz2", ".xz", ".json")) {
            if (s.endsWith(ext) && s.length() > ext.length()) {
                s = s.substring(0, s.length() - ext.length());
            }
        }
        return s;
    }
}
