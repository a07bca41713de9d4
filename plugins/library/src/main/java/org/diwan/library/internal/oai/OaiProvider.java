package org.diwan.library.internal.oai;

import java.io.StringWriter;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.diwan.library.internal.authority.AuthorityStore;
import org.diwan.library.internal.catalogue.CatalogueStore;
import org.diwan.library.internal.catalogue.Harvested;
import org.diwan.library.internal.catalogue.PublicHarvest;
import org.diwan.library.internal.catalogue.RecordType;
import org.diwan.library.internal.exchange.DublinCore;
import org.diwan.library.internal.exchange.MarcRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's OAI-PMH 2.0 data provider (LIB-6): the six verbs, {@code oai_dc} and {@code marcxml}, sets by
 * holding type ({@code type:league-document}), stateless signed resumption tokens, the protocol's error codes.
 * Only public records are ever disseminated. Deleted records are kept ({@code deletedRecord=persistent}): a record
 * deleted, or withdrawn from the public (made staff-only or restricted), is a deleted header (no metadata) dated when
 * it left, in the set it was in, in the same id-ordered stream as the live records, so tokens walk both alike.
 * <p>
 * Every answer is a whole document built in memory: an error found half-way replaces what was written so far,
 * so nothing incomplete can reach a harvester. Arguments are checked before anything else (printable characters
 * only, at most {@value #MAX_ARGUMENT} characters) and echoed in {@code <request>} only once valid.
 */
public final class OaiProvider {

    private static final Logger LOG = LoggerFactory.getLogger(OaiProvider.class);
    /** Far above any identifier, set or token this repository issues; a longer value cannot be one of them. */
    static final int MAX_ARGUMENT = 1024;

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String MARC = "http://www.loc.gov/MARC21/slim";
    static final String OAI_SCHEMA = OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";
    static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final Map<String, Set<String>> ARGUMENTS = Map.of(
            "Identify", Set.of(),
            "ListMetadataFormats", Set.of("identifier"),
            "ListSets", Set.of("resumptionToken"),
            "GetRecord", Set.of("identifier", "metadataPrefix"),
            "ListIdentifiers", Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"),
            "ListRecords", Set.of("metadataPrefix", "from", "until", "set", "resumptionToken"));

    /** Who the repository is, from the library's settings. */
    public record Repository(String name, String adminEmail, String namespace) {
    }

    private final PublicHarvest harvest;
    private final OaiEntries entries;
    private final Repository repository;
    private final OaiTokens tokens;
    private final Clock clock;
    private final int pageSize;

    public OaiProvider(CatalogueStore records, AuthorityStore authorities, MarcRecords marc, Repository repository, OaiTokenKey tokenKey,
            Clock clock, int pageSize) {
        this.harvest = records.harvest();
        this.entries = new OaiEntries(authorities, marc, repository.namespace());
        this.repository = repository;
        this.tokens = new OaiTokens(tokenKey);
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /** What a verb writes inside the document, or the error condition it finds first. */
    @FunctionalInterface
    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException, SQLException, OaiError;
    }

    /**
     * Answers one request with a complete document.
     *
     * @param params  the request's arguments, every occurrence of each (a repeated argument is an error)
     * @param baseUrl the address harvesters use, for {@code <request>} and Identify
     * @throws SQLException when the catalogue cannot be read: the caller answers 500, nothing was sent
     */
    public String answer(Map<String, List<String>> params, String baseUrl) throws SQLException, XMLStreamException {
        String verb;
        Map<String, String> args;
        try {
            verb = verb(params);
            args = arguments(params, verb);
        } catch (OaiError error) {
            return refusal(error, baseUrl);
        }
        try {
            return document(baseUrl, verb, args, xml -> {
                switch (verb) {
                    case "Identify" -> identify(xml, baseUrl);
                    case "ListMetadataFormats" -> listMetadataFormats(xml, args);
                    case "ListSets" -> listSets(xml, args);
                    case "GetRecord" -> getRecord(xml, args);
                    default -> list(xml, verb, args);
                }
            });
        } catch (OaiError error) {
            // whatever the verb had written is dropped: the error stands alone
            return errorDocument(baseUrl, error.echoesNoArguments() ? null : verb, args, error);
        }
    }

    /**
     * The answer to a request refused before its arguments could be read (a body too large, say): the
     * {@code <request>} element carries no argument, as the protocol requires with badVerb and badArgument.
     */
    public String refusal(String code, String message, String baseUrl) throws XMLStreamException {
        return refusal(new OaiError(code, message), baseUrl);
    }

    private String refusal(OaiError error, String baseUrl) throws XMLStreamException {
        return errorDocument(baseUrl, null, Map.of(), error);
    }

    /** With no verb, the request element is bare. */
    private String errorDocument(String baseUrl, String verb, Map<String, String> args, OaiError error) throws XMLStreamException {
        try {
            return document(baseUrl, verb, args, xml -> error(xml, error));
        } catch (SQLException | OaiError impossible) {
            throw new IllegalStateException("writing an error reads nothing", impossible);
        }
    }

    /** The body of a 500: still a complete document, with no error code (the protocol has none for a fault). */
    public String failure(String baseUrl) throws XMLStreamException {
        try {
            return document(baseUrl, null, Map.of(), xml -> xml.writeComment("The repository could not answer this request; please try again later"));
        } catch (SQLException | OaiError impossible) {
            throw new IllegalStateException("writing a comment reads nothing", impossible);
        }
    }

    private String document(String baseUrl, String verb, Map<String, String> args, Body body) throws XMLStreamException, SQLException, OaiError {
        StringWriter out = new StringWriter();
        XMLStreamWriter xml = new CleanXmlWriter(XMLOutputFactory.newDefaultFactory().createXMLStreamWriter(out));
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("", "OAI-PMH", OAI);
        xml.writeDefaultNamespace(OAI);
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute("xsi", XSI, "schemaLocation", OAI_SCHEMA);
        text(xml, "responseDate", SECONDS.format(clock.instant()));
        request(xml, baseUrl, verb, args);
        body.write(xml);
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
        return out.toString();
    }

    private static void error(XMLStreamWriter xml, OaiError error) throws XMLStreamException {
        // a harvester's mistake or a probe: worth a line when looking into one, never a stack trace
        LOG.debug("OAI-PMH request answered {}: {}", error.code(), error.getMessage());
        xml.writeStartElement("error");
        xml.writeAttribute("code", error.code());
        xml.writeCharacters(error.getMessage());
        xml.writeEndElement();
    }

    private static String verb(Map<String, List<String>> params) throws OaiError {
        List<String> verbs = params.get("verb");
        if (verbs == null || verbs.size() != 1 || !ARGUMENTS.containsKey(verbs.get(0))) {
            throw new OaiError("badVerb", verbs == null ? "No verb given" : verbs.size() > 1 ? "The verb is repeated"
                    : "Unknown verb: " + XmlChars.shown(verbs.get(0)));
        }
        return verbs.get(0);
    }

    private static Map<String, String> arguments(Map<String, List<String>> params, String verb) throws OaiError {
        Map<String, String> args = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> p : params.entrySet()) {
            if (p.getKey().equals("verb")) {
                continue;
            }
            if (!ARGUMENTS.get(verb).contains(p.getKey())) {
                throw OaiError.badArgument("Illegal argument for " + verb + ": " + XmlChars.shown(p.getKey()));
            }
            if (p.getValue().size() != 1) {
                throw OaiError.badArgument("Repeated argument: " + p.getKey());
            }
            String value = p.getValue().get(0);
            if (value.length() > MAX_ARGUMENT) {
                throw OaiError.badArgument("Argument longer than " + MAX_ARGUMENT + " characters: " + p.getKey());
            }
            if (!XmlChars.isCleanArgument(value)) {
                throw OaiError.badArgument("Control characters, noncharacters or broken surrogates in argument " + p.getKey());
            }
            args.put(p.getKey(), value);
        }
        if (args.containsKey("resumptionToken") && args.size() > 1) {
            throw OaiError.badArgument("resumptionToken is an exclusive argument");
        }
        boolean needsPrefix = verb.equals("GetRecord") || (verb.startsWith("List") && !verb.equals("ListSets") && !verb.equals("ListMetadataFormats"));
        if (needsPrefix && !args.containsKey("resumptionToken") && !args.containsKey("metadataPrefix")) {
            throw OaiError.badArgument("metadataPrefix is required");
        }
        if (verb.equals("GetRecord") && !args.containsKey("identifier")) {
            throw OaiError.badArgument("identifier is required");
        }
        return args;
    }

    private void request(XMLStreamWriter xml, String baseUrl, String verb, Map<String, String> args) throws XMLStreamException {
        xml.writeStartElement("request");
        if (verb != null) {
            xml.writeAttribute("verb", verb);
            for (Map.Entry<String, String> a : args.entrySet()) {
                xml.writeAttribute(a.getKey(), a.getValue());
            }
        }
        xml.writeCharacters(baseUrl);
        xml.writeEndElement();
    }

    private void identify(XMLStreamWriter xml, String baseUrl) throws XMLStreamException, SQLException {
        xml.writeStartElement("Identify");
        text(xml, "repositoryName", repository.name());
        text(xml, "baseURL", baseUrl);
        text(xml, "protocolVersion", "2.0");
        text(xml, "adminEmail", repository.adminEmail());
        text(xml, "earliestDatestamp", SECONDS.format(harvest.earliest().orElse(clock.instant())));
        text(xml, "deletedRecord", "persistent");
        text(xml, "granularity", "YYYY-MM-DDThh:mm:ssZ");
        xml.writeEndElement();
    }

    private void listMetadataFormats(XMLStreamWriter xml, Map<String, String> args) throws XMLStreamException, SQLException, OaiError {
        if (args.containsKey("identifier")) {
            record(args.get("identifier"));
        }
        xml.writeStartElement("ListMetadataFormats");
        format(xml, "oai_dc", "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", DublinCore.OAI_DC);
        format(xml, "marcxml", "http://www.loc.gov/standards/marcxml/schema/MARC21slim.xsd", MARC);
        xml.writeEndElement();
    }

    private static void format(XMLStreamWriter xml, String prefix, String schema, String namespace) throws XMLStreamException {
        xml.writeStartElement("metadataFormat");
        text(xml, "metadataPrefix", prefix);
        text(xml, "schema", schema);
        text(xml, "metadataNamespace", namespace);
        xml.writeEndElement();
    }

    private void listSets(XMLStreamWriter xml, Map<String, String> args) throws XMLStreamException, OaiError {
        if (args.containsKey("resumptionToken")) {
            throw OaiError.badResumptionToken("ListSets is answered in one response");
        }
        xml.writeStartElement("ListSets");
        for (RecordType type : RecordType.values()) {
            xml.writeStartElement("set");
            text(xml, "setSpec", "type:" + type.slug());
            text(xml, "setName", type.name().charAt(0) + type.name().substring(1).toLowerCase(Locale.ROOT).replace('_', ' '));
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private void getRecord(XMLStreamWriter xml, Map<String, String> args) throws XMLStreamException, SQLException, OaiError {
        String prefix = prefix(args.get("metadataPrefix"));
        Harvested record = record(args.get("identifier"));
        xml.writeStartElement("GetRecord");
        entries.write(xml, List.of(record), prefix, true);
        xml.writeEndElement();
    }

    private void list(XMLStreamWriter xml, String verb, Map<String, String> args) throws XMLStreamException, SQLException, OaiError {
        OaiToken page = args.containsKey("resumptionToken") ? tokens.check(args.get("resumptionToken")) : firstPage(args);
        prefix(page.metadataPrefix());
        RecordType type = setType(page.set());
        List<Harvested> found = harvest.page(type, page.from(), page.until(),
                page.afterId().equals(OaiToken.FIRST) ? null : page.afterId(), pageSize + 1);
        if (found.isEmpty()) {
            if (page.cursor() == 0) {
                throw new OaiError("noRecordsMatch", "No public record matches");
            }
            throw OaiToken.refused("harvest over");
        }
        boolean more = found.size() > pageSize;
        List<Harvested> shown = more ? found.subList(0, pageSize) : found;
        boolean full = verb.equals("ListRecords");
        xml.writeStartElement(verb);
        entries.write(xml, shown, page.metadataPrefix(), full);
        if (more || page.cursor() > 0) {
            xml.writeStartElement("resumptionToken");
            xml.writeAttribute("cursor", Integer.toString(page.cursor()));
            if (more) {
                xml.writeCharacters(tokens.issue(new OaiToken(page.metadataPrefix(), page.set(), page.from(), page.until(),
                        shown.get(shown.size() - 1).id(), page.cursor() + shown.size())));
            }
            xml.writeEndElement();
        }
        xml.writeEndElement();
    }

    private OaiToken firstPage(Map<String, String> args) throws OaiError {
        String from = args.get("from");
        String until = args.get("until");
        if (from != null && until != null && from.length() != until.length()) {
            throw OaiError.badArgument("from and until have different granularities");
        }
        Instant start = from == null ? null : OaiDates.parse(from, false);
        // without until, the harvest ends at its first request: later changes wait for the next harvest
        Instant end = until == null ? clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS) : OaiDates.parse(until, true);
        if (start != null && until != null && start.isAfter(end)) {
            throw OaiError.badArgument("from is later than until");
        }
        prefix(args.get("metadataPrefix"));
        setType(args.get("set"));
        return new OaiToken(args.get("metadataPrefix"), args.get("set"), start, end, OaiToken.FIRST, 0);
    }

    static String prefix(String prefix) throws OaiError {
        if (!"oai_dc".equals(prefix) && !"marcxml".equals(prefix)) {
            throw new OaiError("cannotDisseminateFormat", "Formats: oai_dc, marcxml");
        }
        return prefix;
    }

    static RecordType setType(String set) throws OaiError {
        if (set == null) {
            return null;
        }
        for (RecordType type : RecordType.values()) {
            if (set.equals("type:" + type.slug())) {
                return type;
            }
        }
        throw OaiError.badArgument("Unknown set: " + XmlChars.shown(set));
    }

    /**
     * The public record or the tombstone an identifier names; anything else (a record that never was public) does not
     * exist, as far as harvesters know.
     */
    private Harvested record(String identifier) throws SQLException, OaiError {
        String prefix = "oai:" + repository.namespace() + ":";
        if (identifier != null && identifier.startsWith(prefix)) {
            String id = identifier.substring(prefix.length());
            if (id.matches("[0-9a-f-]{36}")) {
                Optional<Harvested> record = harvest.find(id);
                if (record.isPresent()) {
                    return record.get();
                }
            }
        }
        throw new OaiError("idDoesNotExist", "No public record has this identifier");
    }

    static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
