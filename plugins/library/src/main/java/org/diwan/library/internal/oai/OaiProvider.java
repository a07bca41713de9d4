package org.diwan.library.internal.oai;

import java.io.Writer;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.diwan.library.internal.authority.Authority;
import org.diwan.library.internal.authority.AuthorityStore;
import org.diwan.library.internal.catalogue.AccessLevel;
import org.diwan.library.internal.catalogue.CatalogueRecord;
import org.diwan.library.internal.catalogue.CatalogueStore;
import org.diwan.library.internal.catalogue.RecordType;
import org.diwan.library.internal.exchange.DublinCore;
import org.diwan.library.internal.exchange.MarcXmlRecords;

/**
 * The library's OAI-PMH 2.0 data provider (LIB-6): the six verbs, {@code oai_dc} and {@code marcxml}, sets by
 * holding type ({@code type:league-document}), stateless resumption tokens, the protocol's error codes. Only
 * public records are ever disseminated; deleted records are not tracked ({@code deletedRecord=no}).
 */
public final class OaiProvider {

    static final String OAI = "http://www.openarchives.org/OAI/2.0/";
    static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
    static final String MARC = "http://www.loc.gov/MARC21/slim";
    static final String OAI_SCHEMA = OAI + " http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd";
    private static final Set<AccessLevel> PUBLIC = EnumSet.of(AccessLevel.PUBLIC);
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern SECOND = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");
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

    private final CatalogueStore records;
    private final AuthorityStore authorities;
    private final Repository repository;
    private final Clock clock;
    private final int pageSize;

    public OaiProvider(CatalogueStore records, AuthorityStore authorities, Repository repository, Clock clock, int pageSize) {
        this.records = records;
        this.authorities = authorities;
        this.repository = repository;
        this.clock = clock;
        this.pageSize = pageSize;
    }

    /**
     * Answers one request.
     *
     * @param params  the request's arguments as the servlet received them (a repeated argument is an error)
     * @param baseUrl the address harvesters use, for {@code <request>} and Identify
     */
    public void answer(Map<String, String[]> params, String baseUrl, Writer out) throws SQLException, XMLStreamException {
        XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
        xml.writeStartDocument("UTF-8", "1.0");
        xml.writeStartElement("", "OAI-PMH", OAI);
        xml.writeDefaultNamespace(OAI);
        xml.writeNamespace("xsi", XSI);
        xml.writeAttribute("xsi", XSI, "schemaLocation", OAI_SCHEMA);
        text(xml, "responseDate", SECONDS.format(clock.instant()));
        String verb;
        Map<String, String> args;
        try {
            verb = verb(params);
            args = arguments(params, verb);
        } catch (OaiError error) {
            // the protocol: with badVerb or badArgument, the request element carries no attributes
            request(xml, baseUrl, null, Map.of());
            error(xml, error);
            finish(xml);
            return;
        }
        request(xml, baseUrl, verb, args);
        try {
            switch (verb) {
                case "Identify" -> identify(xml, baseUrl);
                case "ListMetadataFormats" -> listMetadataFormats(xml, args);
                case "ListSets" -> listSets(xml, args);
                case "GetRecord" -> getRecord(xml, args);
                default -> list(xml, verb, args);
            }
        } catch (OaiError error) {
            // every verb checks before it writes its element, so the error stands alone
            error(xml, error);
        }
        finish(xml);
    }

    private static void error(XMLStreamWriter xml, OaiError error) throws XMLStreamException {
        xml.writeStartElement("error");
        xml.writeAttribute("code", error.code());
        xml.writeCharacters(error.getMessage());
        xml.writeEndElement();
    }

    private static void finish(XMLStreamWriter xml) throws XMLStreamException {
        xml.writeEndElement();
        xml.writeEndDocument();
        xml.close();
    }


    private static String verb(Map<String, String[]> params) throws OaiError {
        String[] verbs = params.get("verb");
        if (verbs == null || verbs.length != 1 || !ARGUMENTS.containsKey(verbs[0])) {
            throw new OaiError("badVerb", verbs == null ? "No verb given" : verbs.length > 1 ? "The verb is repeated" : "Unknown verb: " + verbs[0]);
        }
        return verbs[0];
    }

    private static Map<String, String> arguments(Map<String, String[]> params, String verb) throws OaiError {
        Map<String, String> args = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> p : params.entrySet()) {
            if (p.getKey().equals("verb")) {
                continue;
            }
            if (!ARGUMENTS.get(verb).contains(p.getKey())) {
                throw OaiError.badArgument("Illegal argument for " + verb + ": " + p.getKey());
            }
            if (p.getValue().length != 1) {
                throw OaiError.badArgument("Repeated argument: " + p.getKey());
            }
            args.put(p.getKey(), p.getValue()[0]);
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
        text(xml, "earliestDatestamp", SECONDS.format(records.earliestChange(PUBLIC).orElse(clock.instant())));
        text(xml, "deletedRecord", "no");
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
            throw new OaiError("badResumptionToken", "ListSets is answered in one response");
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
        CatalogueRecord record = record(args.get("identifier"));
        xml.writeStartElement("GetRecord");
        write(xml, record, prefix, names(List.of(record)), true);
        xml.writeEndElement();
    }

    private void list(XMLStreamWriter xml, String verb, Map<String, String> args) throws XMLStreamException, SQLException, OaiError {
        OaiToken page = args.containsKey("resumptionToken") ? OaiToken.decode(args.get("resumptionToken")) : firstPage(args);
        prefix(page.metadataPrefix());
        RecordType type = setType(page.set());
        List<CatalogueRecord> found = records.harvest(PUBLIC, type, page.from(), page.until(), page.afterId().equals("-") ? null : page.afterId(),
                pageSize + 1);
        if (found.isEmpty()) {
            if (page.cursor() == 0) {
                throw new OaiError("noRecordsMatch", "No public record matches");
            }
            throw new OaiError("badResumptionToken", "The harvest this token belongs to is over");
        }
        boolean more = found.size() > pageSize;
        List<CatalogueRecord> shown = more ? found.subList(0, pageSize) : found;
        boolean full = verb.equals("ListRecords");
        Map<String, Authority> names = full ? names(shown) : Map.of();
        xml.writeStartElement(verb);
        for (CatalogueRecord record : shown) {
            write(xml, record, page.metadataPrefix(), names, full);
        }
        if (more || page.cursor() > 0) {
            xml.writeStartElement("resumptionToken");
            xml.writeAttribute("cursor", Integer.toString(page.cursor()));
            if (more) {
                xml.writeCharacters(new OaiToken(page.metadataPrefix(), page.set(), page.from(), page.until(), shown.get(shown.size() - 1).id(),
                        page.cursor() + shown.size()).encode());
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
        Instant start = from == null ? null : date(from, false);
        // without until, the harvest ends at its first request: later changes wait for the next harvest
        Instant end = until == null ? clock.instant() : date(until, true);
        if (start != null && until != null && start.isAfter(end)) {
            throw OaiError.badArgument("from is later than until");
        }
        prefix(args.get("metadataPrefix"));
        setType(args.get("set"));
        return new OaiToken(args.get("metadataPrefix"), args.get("set"), start, end, "-", 0);
    }

    private static Instant date(String value, boolean endOfPeriod) throws OaiError {
        try {
            if (DAY.matcher(value).matches()) {
                LocalDate day = LocalDate.parse(value);
                return endOfPeriod ? day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusSeconds(1) : day.atStartOfDay(ZoneOffset.UTC).toInstant();
            }
            if (SECOND.matcher(value).matches()) {
                return Instant.parse(value);
            }
        } catch (DateTimeParseException e) {
            // falls through to the refusal
        }
        throw OaiError.badArgument("Not a UTC date of the repository's granularity (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ): " + value);
    }

    private static String prefix(String prefix) throws OaiError {
        if (!"oai_dc".equals(prefix) && !"marcxml".equals(prefix)) {
            throw new OaiError("cannotDisseminateFormat", "Formats: oai_dc, marcxml");
        }
        return prefix;
    }

    private static RecordType setType(String set) throws OaiError {
        if (set == null) {
            return null;
        }
        for (RecordType type : RecordType.values()) {
            if (set.equals("type:" + type.slug())) {
                return type;
            }
        }
        throw OaiError.badArgument("Unknown set: " + set);
    }

    /** The public record an identifier names; anything else does not exist, as far as harvesters know. */
    private CatalogueRecord record(String identifier) throws SQLException, OaiError {
        String prefix = "oai:" + repository.namespace() + ":";
        if (identifier != null && identifier.startsWith(prefix)) {
            String id = identifier.substring(prefix.length());
            if (id.matches("[0-9a-f-]{36}")) {
                CatalogueRecord record = records.get(id).orElse(null);
                if (record != null && record.access() == AccessLevel.PUBLIC) {
                    return record;
                }
            }
        }
        throw new OaiError("idDoesNotExist", "No public record has this identifier");
    }

    private void write(XMLStreamWriter xml, CatalogueRecord r, String prefix, Map<String, Authority> names, boolean full) throws XMLStreamException {
        if (full) {
            xml.writeStartElement("record");
        }
        xml.writeStartElement("header");
        text(xml, "identifier", "oai:" + repository.namespace() + ":" + r.id());
        text(xml, "datestamp", SECONDS.format(r.updatedAt()));
        text(xml, "setSpec", "type:" + r.type().slug());
        xml.writeEndElement();
        if (full) {
            xml.writeStartElement("metadata");
            if (prefix.equals("oai_dc")) {
                DublinCore.write(xml, r, names, "oai:" + repository.namespace() + ":" + r.id());
            } else {
                MarcXmlRecords.write(xml, r, names);
            }
            xml.writeEndElement();
            xml.writeEndElement();
        }
    }

    private Map<String, Authority> names(List<CatalogueRecord> shown) throws SQLException {
        Set<String> ids = new HashSet<>();
        shown.forEach(r -> r.links().forEach(l -> ids.add(l.authorityId())));
        return authorities.getAll(ids);
    }

    private static void text(XMLStreamWriter xml, String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(value);
        xml.writeEndElement();
    }
}
