package org.diwan.missions.internal.demo;

import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.diwan.api.i18n.LocalizedText;
import org.diwan.missions.internal.correspondence.Classification;
import org.diwan.missions.internal.correspondence.Correspondence;
import org.diwan.missions.internal.correspondence.CorrespondenceDraft;
import org.diwan.missions.internal.correspondence.CorrespondenceStatus;
import org.diwan.missions.internal.correspondence.CorrespondenceStore;
import org.diwan.missions.internal.correspondence.Counterpart;
import org.diwan.missions.internal.registry.Mission;
import org.diwan.missions.internal.registry.MissionDraft;
import org.diwan.missions.internal.registry.MissionStatus;
import org.diwan.missions.internal.registry.MissionStore;
import org.diwan.missions.internal.registry.MissionType;

/**
 * Realistic demonstration data for the department: the League's offices in some forty cities and years of
 * correspondence in Arabic, generated from a seed so that every run (demo, tests, benchmark) gets the same data.
 */
public final class DemoData {

    /** Code, country, city in Arabic, English, French, and the kind of office. */
    private record Place(String code, String country, String cityAr, String cityEn, String cityFr, MissionType type) {
    }

    private static final List<Place> PLACES = List.of(
            new Place("PAR", "FR", "باريس", "Paris", "Paris", MissionType.MISSION),
            new Place("LON", "GB", "لندن", "London", "Londres", MissionType.MISSION),
            new Place("BER", "DE", "برلين", "Berlin", "Berlin", MissionType.MISSION),
            new Place("ROM", "IT", "روما", "Rome", "Rome", MissionType.MISSION),
            new Place("MAD", "ES", "مدريد", "Madrid", "Madrid", MissionType.MISSION),
            new Place("BRU", "BE", "بروكسل", "Brussels", "Bruxelles", MissionType.MISSION),
            new Place("GVA", "CH", "جنيف", "Geneva", "Genève", MissionType.MISSION),
            new Place("VIE", "AT", "فيينا", "Vienna", "Vienne", MissionType.MISSION),
            new Place("MOW", "RU", "موسكو", "Moscow", "Moscou", MissionType.MISSION),
            new Place("BJS", "CN", "بكين", "Beijing", "Pékin", MissionType.MISSION),
            new Place("TYO", "JP", "طوكيو", "Tokyo", "Tokyo", MissionType.MISSION),
            new Place("DEL", "IN", "نيودلهي", "New Delhi", "New Delhi", MissionType.MISSION),
            new Place("NYC", "US", "نيويورك", "New York", "New York", MissionType.MISSION),
            new Place("WAS", "US", "واشنطن", "Washington", "Washington", MissionType.MISSION),
            new Place("OTT", "CA", "أوتاوا", "Ottawa", "Ottawa", MissionType.BUREAU),
            new Place("BSB", "BR", "برازيليا", "Brasília", "Brasilia", MissionType.MISSION),
            new Place("SAO", "BR", "ساو باولو", "São Paulo", "São Paulo", MissionType.CENTRE),
            new Place("BUE", "AR", "بوينس آيرس", "Buenos Aires", "Buenos Aires", MissionType.CENTRE),
            new Place("MEX", "MX", "مكسيكو", "Mexico City", "Mexico", MissionType.BUREAU),
            new Place("ADD", "ET", "أديس أبابا", "Addis Ababa", "Addis-Abeba", MissionType.MISSION),
            new Place("NBO", "KE", "نيروبي", "Nairobi", "Nairobi", MissionType.BUREAU),
            new Place("PRY", "ZA", "بريتوريا", "Pretoria", "Pretoria", MissionType.MISSION),
            new Place("DKR", "SN", "داكار", "Dakar", "Dakar", MissionType.BUREAU),
            new Place("ABV", "NG", "أبوجا", "Abuja", "Abuja", MissionType.BUREAU),
            new Place("ANK", "TR", "أنقرة", "Ankara", "Ankara", MissionType.MISSION),
            new Place("THR", "IR", "طهران", "Tehran", "Téhéran", MissionType.BUREAU),
            new Place("ISB", "PK", "إسلام آباد", "Islamabad", "Islamabad", MissionType.BUREAU),
            new Place("KUL", "MY", "كوالالمبور", "Kuala Lumpur", "Kuala Lumpur", MissionType.BUREAU),
            new Place("JKT", "ID", "جاكرتا", "Jakarta", "Jakarta", MissionType.BUREAU),
            new Place("SEL", "KR", "سيول", "Seoul", "Séoul", MissionType.BUREAU),
            new Place("CBR", "AU", "كانبيرا", "Canberra", "Canberra", MissionType.BUREAU),
            new Place("ATH", "GR", "أثينا", "Athens", "Athènes", MissionType.BUREAU),
            new Place("STO", "SE", "ستوكهولم", "Stockholm", "Stockholm", MissionType.BUREAU),
            new Place("WAW", "PL", "وارسو", "Warsaw", "Varsovie", MissionType.BUREAU),
            new Place("LIS", "PT", "لشبونة", "Lisbon", "Lisbonne", MissionType.CENTRE),
            new Place("MAL", "MT", "فاليتا", "Valletta", "La Valette", MissionType.CENTRE),
            new Place("NIC", "CY", "نيقوسيا", "Nicosia", "Nicosie", MissionType.CENTRE),
            new Place("BLR", "IN", "بنغالور", "Bengaluru", "Bangalore", MissionType.CENTRE),
            new Place("MAR", "FR", "مرسيليا", "Marseille", "Marseille", MissionType.CENTRE),
            new Place("MIL", "IT", "ميلانو", "Milan", "Milan", MissionType.CENTRE));

    private static final String[] HEADS = {"السفير أحمد بن علي", "السفيرة فاطمة الزهراء", "السفير محمود عبد الله", "السفيرة ليلى حسن",
        "السفير يوسف إبراهيم", "السفيرة مريم خالد", "السفير عمر الفاروق", "السفيرة هدى سليمان", "السفير سامي مصطفى", "السفيرة نادية عيسى"};

    private static final String[][] SUBJECTS = {
        {"تقرير عن الانتخابات التشريعية في البلد المضيف", "لقاء مع وزير الخارجية حول القضية الفلسطينية", "موقف البرلمان من قرارات القمة العربية",
            "مشاورات سياسية بشأن الأزمة الإقليمية", "زيارة وفد برلماني إلى مقر البعثة"},
        {"منتدى الاستثمار العربي الأوروبي", "تطور المبادلات التجارية مع الدول العربية", "اجتماع غرفة التجارة العربية المشتركة",
            "فرص التعاون في مجال الطاقة المتجددة", "تقرير عن مؤشرات الاقتصاد في البلد المضيف"},
        {"مقابلة صحفية مع رئيس البعثة", "حملة إعلامية حول يوم التضامن مع الشعب الفلسطيني", "تغطية إعلامية لأنشطة الجامعة",
            "برنامج إذاعي عن الثقافة العربية", "رصد ما نشرته الصحافة عن المنطقة العربية"},
        {"أسبوع الثقافة العربية", "معرض الخط العربي في المتحف الوطني", "ندوة عن الأدب العربي المعاصر", "مهرجان الفيلم العربي",
            "محاضرة عن الحضارة العربية الإسلامية"},
        {"طلب تجديد عقد إيجار مقر البعثة", "الميزانية التقديرية للسنة القادمة", "تعيين موظف محلي جديد", "صيانة مبنى البعثة",
            "ترتيبات استقبال وفد الأمانة العامة"}};

    private static final String[] INSTITUTIONS = {"وزارة الخارجية", "البرلمان", "غرفة التجارة", "الجامعة الوطنية", "وزارة الثقافة", "معهد الدراسات الشرقية"};
    private static final String[] COMMUNITIES = {"الجالية المصرية", "الجالية المغربية", "الجالية اللبنانية", "الجالية الجزائرية", "اتحاد الجاليات العربية"};
    private static final String[] OWNERS = {"amina", "omar", "khaled", "salma", "nour"};

    private final Random random;

    public DemoData(long seed) {
        this.random = new Random(seed);
    }

    public List<Mission> missions(MissionStore store, String actor) throws SQLException {
        List<Mission> created = new ArrayList<>();
        for (int i = 0; i < PLACES.size(); i++) {
            Place p = PLACES.get(i);
            String kindAr = switch (p.type()) {
                case MISSION -> "بعثة جامعة الدول العربية في ";
                case CENTRE -> "مركز جامعة الدول العربية في ";
                case BUREAU -> "مكتب جامعة الدول العربية في ";
            };
            String kindEn = switch (p.type()) {
                case MISSION -> "League of Arab States Mission in ";
                case CENTRE -> "League of Arab States Centre in ";
                case BUREAU -> "League of Arab States Bureau in ";
            };
            String kindFr = switch (p.type()) {
                case MISSION -> "Mission de la Ligue des États arabes à ";
                case CENTRE -> "Centre de la Ligue des États arabes à ";
                case BUREAU -> "Bureau de la Ligue des États arabes à ";
            };
            MissionDraft draft = new MissionDraft(p.code(), p.type(), p.country(), p.cityAr(),
                    LocalizedText.of(kindAr + p.cityAr(), kindEn + p.cityEn(), kindFr + p.cityFr()), HEADS[i % HEADS.length],
                    p.code().toLowerCase() + "@mission.example.org", "+" + (10 + i) + " 1 " + (4000000 + i * 1111),
                    "شارع الجامعة العربية " + (i + 1) + "، " + p.cityAr(), i % 13 == 12 ? MissionStatus.SUSPENDED : MissionStatus.ACTIVE,
                    i % 3 == 0 ? 15 : 30);
            try {
                created.add(store.create(draft, actor));
            } catch (org.diwan.missions.internal.registry.DuplicateCodeException exists) {
                store.byCode(p.code()).ifPresent(created::add);
            }
        }
        return created;
    }

    /** {@code count} pieces of correspondence over the {@code days} before {@code today}, with follow-ups on one in five. */
    public int correspondence(CorrespondenceStore store, List<Mission> missions, int count, LocalDate today, int days, String actor)
            throws SQLException {
        for (int n = 0; n < count; n++) {
            Mission m = missions.get(random.nextInt(missions.size()));
            int k = random.nextInt(SUBJECTS.length);
            Classification classification = Classification.values()[k];
            Counterpart counterpart = random.nextInt(10) < 7 ? Counterpart.HEADQUARTERS
                    : random.nextBoolean() ? Counterpart.HOST_INSTITUTION : Counterpart.ARAB_COMMUNITY;
            String counterpartName = switch (counterpart) {
                case HOST_INSTITUTION -> INSTITUTIONS[random.nextInt(INSTITUTIONS.length)];
                case ARAB_COMMUNITY -> COMMUNITIES[random.nextInt(COMMUNITIES.length)];
                default -> null;
            };
            LocalDate date = today.minusDays(random.nextInt(days));
            LocalDate received = date.plusDays(random.nextInt(4));
            String subject = SUBJECTS[k][random.nextInt(SUBJECTS[k].length)];
            String summary = "تعرض " + m.name().ar() + " في هذه الوثيقة " + subject + "، وتقترح متابعة الموضوع مع الإدارة المختصة"
                    + " بالأمانة العامة.\nأهم النقاط: التنسيق مع الجهات المعنية، وإعداد مذكرة للعرض على المجلس.";
            CorrespondenceStatus status = date.isBefore(today.minusDays(60)) ? CorrespondenceStatus.CLOSED
                    : random.nextBoolean() ? CorrespondenceStatus.OPEN : CorrespondenceStatus.IN_PROGRESS;
            Correspondence c = store.create(new CorrespondenceDraft(m.id(), counterpart, counterpartName, classification, m.country(),
                    m.code() + "/" + date.getYear() + "/" + (n + 1), date, received.isAfter(today) ? today : received, subject, summary,
                    status), actor);
            if (random.nextInt(5) == 0) {
                store.addFollowUp(c.id(), "إعداد رد على " + subject, OWNERS[random.nextInt(OWNERS.length)], date.plusDays(14 + random.nextInt(30)),
                        actor);
            }
        }
        return count;
    }
}
