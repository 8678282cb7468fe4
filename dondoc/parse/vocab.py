"""Word lists of Vietnamese administrative writing, folded (no accents, lower case)."""

from __future__ import annotations

from typing import Final


def phrases(text: str) -> dict[str, list[tuple[str, ...]]]:
    index: dict[str, list[tuple[str, ...]]] = {}
    for p in text.split(","):
        words = tuple(p.split())
        if words:
            index.setdefault(words[0], []).append(words)
    for v in index.values():
        v.sort(key=len, reverse=True)
    return index


# Predicates that end an owner's name: "Sở Y tế <chủ trì> ...".
VERBS: Final = phrases(
    "chu tri,co trach nhiem,chiu trach nhiem,phoi hop,tiep tuc,tiep,chu dong,to chuc,trien khai,tham muu,"
    "huong dan,xay dung,thuc hien,bao cao,theo doi,kiem tra,day manh,tang cuong,chi dao,ra soat,nghien cuu,"
    "thong nhat,mo,can cu,can,khan truong,bo tri,cung cap,dam bao,bao dam,phat dong,long ghep,quan triet,chu trong,thuong xuyen,"
    "gui,tong hop,tap hop,giam sat,dinh ky,hang nam,hang quy,hang thang,nam chac,bam,ho tro,quan ly,cap nhat,"
    "van dong,tuyen truyen,pho bien,huy dong,phat huy,nang cao,de xuat,lap,ban hanh,hoan thanh,duy tri,"
    "cung co,kien toan,chuan bi,lam,dang tai,phan cong,giao,yeu cau,de nghi,tham gia,tich cuc,kip thoi,"
    "nghiem tuc,tiep nhan,xu ly,giai quyet,danh gia,so ket,tong ket,thanh lap,dieu tra,bien soan,gan ket,"
    "lua chon,xac dinh,dieu phoi,khen thuong,boi duong,tap huan,phan anh,tham dinh,trinh,truc tiep,"
    "thong bao,dong doc,don doc,dang ky,sap xep,thuc thi,quan tam,tiep thu,van hanh,su dung,bo sung,"
    "hoan thien,sua doi,dieu chinh,phe duyet,chu dong phoi hop,duoc,se,da,cung,trong,truoc,sau,"
    "ngay,theo,tai,de,nham,khi,neu,doi voi,thuc hien tot,tap trung,uu tien,quyet liet,kien quyet,"
    "tang,phat hien,ngan chan,dau tranh,xu phat,tiep don,bao ve,la,"
    "phat trien,cai thien,tranh,khong,phai,tuyet doi,cho,mot so,nhung,voi,dong thoi,"
    "cham nhat,muon nhat,han chot,huong ung,ra quan,khao sat,khac phuc,tuan tra,kiem soat,tham hoi,"
    "dua tin,tuyen duong,bieu duong,ton vinh,gioi thieu,tien hanh,phan bo,ban giao,co van ban,ky ket,trao doi,"
    "tiep can,dinh huong,thu thap,xac minh,canh bao,ket noi,lien he,tra loi,phan hoi,rut kinh nghiem,lay y kien,"
    "gop y,cu can bo,dua ket qua,dua noi dung,nam tinh hinh,nam bat,co nhiem vu,thong ke,"
    # verbs a subject takes in minutes and replies ("Tổng cục Thuế đồng ý …", "Sở Y tế cam kết …")
    "dong y,nhat tri,cho phep,chap thuan,ghi nhan,quyet dinh,cam ket,xem xet,cong bo,cong khai,chan chinh,"
    "lam ro,ket luan,tham du,chuc mung,chi tra,thanh toan,quyet toan,cap phat,dam nhiem,dam nhan,hoan tat,"
    "nhanh chong,som,tiep tuc chi dao,nhac nho,uy quyen,bao tri,sua chua,nghiem thu,giup,co phuong an,co ke hoach,"
    "dong thoi la,da va dang,lanh dao,so hoa,"
    # more predicates of the writing, so that a name stops before them ("Đảng uỷ Ngoài nước cụ thể hoá …")
    "chua,cu the hoa,chap hanh,nop,xac nhan,doi chieu,thu hoi,kien nghi,soan thao,hoan chinh,ap dung,luu y,chu y,"
    "tham khao,giai ngan,niem yet,ke khai,xet duyet,chuyen giao,giai trinh,day nhanh,thuc day,rut ngan,day lui,"
    # "tạo điều kiện" ("… các đoàn thể tạo điều kiện cho Hội …"), "kiểm điểm"
    "tao dieu kien,kiem diem,"
    # "phối hợp với UBND xã triệu tập (phát giấy mời) và chủ trì hội nghị": what the partner does with it
    "trieu tap,"
    # "giao các Bộ: Công an, Tư pháp có ý kiến đối với …" (asked for an opinion), "tham gia ý kiến"
    "co y kien,tham gia y kien,"
    # "… và các hộ gia đình treo cờ Tổ quốc", "… treo băng rôn, khẩu hiệu" (a notice for a holiday)
    "treo,"
    # "Sở Nông nghiệp và PTNT nhận được công văn …": what the body received (background)
    "nhan duoc,ket hop,"
    # "UBND các xã, thị trấn tập chung chỉ đạo …": "tập trung" as real letters misspell it
    "tap chung,"
    # "… UBND các xã, thị trấn có nhận định đánh giá gửi về UBND huyện": what the report holds, after its senders
    "co nhan dinh,co danh gia"
)

# Words that begin an owner's name ("Sở", "Ủy ban", "các cơ quan").
ORG_HEADS: Final = phrases(
    "so,ban,vu,uy ban,ubnd,ubmttq,ubmttqvn,mttq,mttqvn,mat tran,cong an,luc luong,bo,cuc,chi cuc,tong cuc,"
    "van phong,hoi,doan,lien doan,thanh tra,toa an,vien kiem sat,bo chi huy,bo doi,dai,bao,trung tam,truong,"
    "phong,co quan,nganh,chu tich,pho chu tich,giam doc,thu truong,hoi dong,hdnd,bcd,ban chi dao,kho bac,"
    "ngan hang,canh sat,buu dien,tinh doan,huyen doan,thanh doan,dang uy,tinh uy,huyen uy,thanh uy,cong ty,"
    "tong cong ty,benh vien,chinh quyen,cap uy,quan,huyen,thi xa,xa,phuong,thi tran,thanh pho,tinh,vien,"
    "hoc vien,ca,ban thuong truc,thuong truc,lanh dao,hoi dong nhan dan,quan doi,bo tu lenh,quan khu,"
    "doi,thu tuong,chinh phu,cuc thue,hai quan,bo phan,to cong tac,doan kiem tra,ban quan ly,nha truong,"
    "tram,chi hoi,chi doan,chi bo,chanh van phong,chanh thanh tra,"
    # people named by their post ("Bí thư Đoàn xã", "công chức Tư pháp - Hộ tịch", "Chỉ huy trưởng Ban CHQS xã")
    "bi thu,pho bi thu,cong chuc,can bo,to truong,chi huy truong,hieu truong,tram truong,chu nhiem,"
    "nguoi dung dau,truong thon,to dan pho,hop tac xa,ban cong tac mat tran,tu lenh,pho tu lenh,chinh uy,"
    "pho truong,pho giam doc,pho chanh van phong,pho chu nhiem,pho thu truong,truong ban,pho truong ban,to,"
    "dien luc,bao hiem xa hoi,cong doan,lien doan lao dong,chi nhanh,uy vien,ke toan,dan quan,chu dau tu,"
    # the commune's civil servants by their title, written without "công chức" ("Giao Tư pháp - Hộ tịch chủ trì")
    "van hoa - xa hoi,tu phap - ho tich,dia chinh - xay dung,tai chinh - ke toan,van phong - thong ke,"
    "dia chinh - nong nghiep,chi huy truong quan su,"
    # more posts ("Thư ký Chi ủy tổng hợp …", "Chánh án Tòa án nhân dân tỉnh chỉ đạo …")
    "thu ky,chanh an,pho chanh an,tong bien tap,pho tong bien tap,"
    # bodies whose name starts with no usual head ("Thông tấn xã Việt Nam", "Tập đoàn Điện lực Việt Nam")
    "thong tan xa,tap doan,"
    # bodies of the Party inside a state body or a mass organisation ("Đảng đoàn Hội Nông dân tỉnh", "Ban cán sự đảng UBND tỉnh")
    "dang doan,ban can su dang,chi uy,dang bo,chi dang bo,"
    # a district's own offices whose name starts with no usual head ("Hạt Kiểm lâm huyện", "Đồn Biên phòng …")
    "hat kiem lam,hat quan ly,don bien phong,"
    # the commune Party committee's boards and the hamlets' boards, whose names hold a predicate ("xây dựng", "cần"):
    # "Ban Xây dựng Đảng", "Phó Trưởng ban Xây dựng Đảng", "Ban cán sự các thôn"
    "ban xay dung dang,truong ban xay dung dang,pho truong ban xay dung dang,ban can su,"
    # the subcommittees an election or a congress sets up ("Tiểu ban Thông tin, tuyên truyền, khánh tiết")
    "tieu ban,"
    # the commune's one-stop desk, whose name holds "cửa" (folded like "của")
    "bo phan mot cua,"
    "trung uong doan,trung uong hoi"
)

# After "các"/"những": collective owners ("các tổ chức thành viên", "các đơn vị").
COLLECTIVE_HEADS: Final = phrases(
    "so,ban,bo,nganh,co quan,don vi,dia phuong,doan the,to chuc,hoi,doanh nghiep,truong,huyen,quan,xa,phuong,"
    "thi xa,thanh pho,thi tran,cap,luc luong,tinh,chi bo,dang bo,ban nganh,cap uy,co so,trung tam,phong,"
    "thanh vien,uy ban,chi hoi,doan vien,hoi vien,lanh dao,thu truong,chu tich,tap the,ca nhan,benh vien,"
    "co quan thong tin,nha truong,hop tac xa,thon,khu dan cu,to dan pho,chinh quyen,dac khu,nha thau,chu dau tu,"
    "chu cong trinh,chu ho,chu rung,doan vien,hoi vien,"
    # the party's cells and committees of a district: "các chi, đảng bộ trực thuộc", "các Chi Đảng bộ cơ sở"
    "chi,chi dang bo,"
    # "các ban xây dựng Đảng Huyện ủy": the party's boards, not "the boards build the Party"
    "ban xay dung dang,"
    # a commune's hamlets by their local names ("các xóm", "các ấp", "các buôn", "các khu phố")
    "xom,ap,buon,khu pho,khom"
)

# "hội nghị", "báo cáo": a head word that is not an owner here.
NOT_ORG_AFTER: Final = {
    "hoi": {"nghi", "thao", "thi", "dien", "nhap", "cho", "dong"},
    "chi": {"phi", "tiet", "tieu", "tra", "cho", "thuong", "dau", "ngan", "su", "tien", "luong", "ho", "tra", "mua"},  # "các chi phí"
    "doi": {"voi", "tuong", "ngoai", "thoai", "chieu", "dien", "moi", "xu", "ung", "pho", "ngu"},  # "Đối với", "Đối tượng", "Đội ngũ"
    "doan": {"ket", "vien"},
    "ban": {"hanh", "giao", "dau", "chat", "than", "dia", "do", "quyen", "sao", "thao", "ve", "tin", "cam"},  # "Bản quyền", "bản sao"
    "bao": {"cao", "dam", "ve", "dong", "gom", "chi"},
    "bo": {"tri", "sung", "tieu", "chi", "may", "cau"},  # "Bố trí", "Bổ sung", "Bộ tiêu chí": no ministry
    "phong": {"chong", "ngua", "trao", "van", "tuc", "su"},
    "tinh": {"hinh", "than", "thuong", "trang", "chat"},
    "cong": {"tac", "van", "khai", "nhan", "dong"},
    "truong": {"hop"},
    "dai": {"doan", "hoi", "bieu", "dien"},
    "xa": {"hoi"},
    "co": {"so"},
    "vien": {"chuc"},
    "cuc": {"bo"},
    "cap": {"bach", "nhat"},
    "lanh": {"dao"},
    "vu": {"viec", "an", "mua", "dong", "he", "xuan", "thu", "no", "chay", "tai", "lua"},  # "Vụ việc", "Vụ án", "vụ mùa"
}

# Lower-case words that may sit inside an owner's name.
ORG_WORDS: Final = frozenset(
    "tinh huyen xa phuong thi tran thanh pho quan cac cap co don vi dia nganh ban so doan the to chuc vien "
    "lien thong tin dai chung bao chi truc thuoc nhan dan luc luong cong an hoi nong phu nu truong hoc doanh "
    "nghiep y te giao duc dao tao trung uong chinh quyen tri moi dong lanh huy su bien phong thuong nha nuoc "
    "he khu cu thon ap mat tran quoc uy chu tich pho giam doc thu va kinh ky tuong cuu chien binh nguoi cao "
    "tuoi nien sinh thieu lao tap the cac hoi nghe nghiep lien quan chuyen mon linh vuc chinh sach xa hoi "
    "thuoc ve nganh hang toan ca nhan tuyen bo ngang dac khu vu trang nang khac non tan "  # "tấn": "các cơ quan thông tấn"
    # a commune's hamlets and facilities listed after its thôn: "các thôn, xóm, trạm y tế"
    "xom buon khom tram".split()
)

# Lower-case nouns that, after a comma, continue a collective name: "các sở, ngành, cơ quan".
COLLECTIVE_NEXT = frozenset(
    "ban nganh so co don dia doan to hoi doanh truong huyen quan xa phuong thi thanh tinh cap luc chi "
    "dang tap hop dac ca "
    # a commune's list of its hamlets and facilities: "các thôn, xóm, trường học, trạm y tế"
    "xom ap buon khom "
    # "Các cấp ủy, chính quyền, Mặt trận và đoàn thể": the Party committees and the governments of every level
    "chinh".split()
)

# Abbreviations of subjects, not of bodies ("Ban Chỉ huy PCTT và TKCN", "công tác ANTT"): no owner starts with one
TOPICS = frozenset(
    "pctt tkcn pccc cnch antt atxh atgt antq tnxh pctp attp vsattp cchc tthc ktxh kt-xh qpan qp-an anqp an-qp cntt cds "
    "pctn tngt bvantq ntm gnbv hiv aids dskhhgd khhgd bhxh bhyt xhcn cnh hdh ptdt ttxvn vsmt tnmt pcgd pcbl bdg "
    "thcs thpt gdtx gdnn ptdtnt bmnn vbqppl qppl nsnn xdcb oda pci papi par ddci sipas gdp grdp fdi ict cmnd cccd vneid "
    "dvc dvctt ksnb ocop mtqg ctmtqg csdl ptnt".split()
)

# Topics that also abbreviate a body's name when a place or level follows ("chế độ BHXH" is a topic; "BHXH
# các tỉnh", "BHXH Việt Nam", "BHXH Bộ Quốc phòng" are the social insurance offices)
AGENCY_TOPICS: Final = frozenset({"bhxh"})
# the words after such an abbreviation that make it a body ("các" only before a place: "BHXH các tỉnh")
AGENCY_PLACES = frozenset("viet tinh huyen quan thanh thi tp tw trung bo cong".split())

# Names of bodies that hold words of action and commas, as tokens: the grassroots security force of the
# 2023 law ("Lực lượng tham gia bảo vệ an ninh, trật tự ở cơ sở")
KNOWN_NAMES = [
    tuple("luc luong tham gia bao ve an ninh , trat tu o co so".split()),
    tuple("luc luong bao ve an ninh , trat tu o co so".split()),
    tuple("luc luong tham gia bao ve an ninh trat tu o co so".split()),
]


# Words of names.py's owner lists.
# Word pairs a comma or "và" joins inside a unit's name: "phòng, chống", "chữa cháy và cứu nạn, cứu hộ".
# (also "khám, chữa bệnh", and "Thương binh và xã hội" written in lower case: society, no commune)
PAIRED = frozenset({("phong", "chong"), ("chay", "chua"), ("nan", "cuu"), ("chay", "cuu"), ("kham", "chua"), ("binh", "xa")})
# what a body may manage that reads like a word of manner: "cơ sở" ("… quản lý trực tiếp cơ sở giáo dục"), "cơ quan"
MANAGED = frozenset({("co", "so"), ("co", "quan")})
# words a role given after a dash starts with ("Công an tỉnh - Cơ quan Thường trực …", "- Thường trực Ban Chỉ đạo")
ROLE_FIRST = frozenset({"co", "thuong", "don", "dau"})
# Bodies named by what they do ("Đoàn giám sát", "Tổ kiểm tra", "Ban chỉ đạo"), and what that is
TEAMS = frozenset({"doan", "to", "ban", "hoi dong", "bo phan", "uy ban"})  # "Ủy ban kiểm tra Huyện ủy" too
TEAM_TASKS = frozenset({"giam sat", "kiem tra", "chi dao", "thanh tra", "tham dinh", "dieu tra", "to chuc", "xu ly",
                        "huong dan", "quan ly", "dieu hanh", "kiem soat", "danh gia", "khao sat", "tuyen truyen"})
# A head alone names no one ("Cơ quan chủ trì: …", "Đơn vị thực hiện"): it is a word of the sentence.
BARE_HEADS = frozenset({"co quan", "don vi", "to chuc", "ca nhan", "so", "bo", "ban", "uy ban", "phong", "cuc", "nganh",
                        "doi", "truong", "vien", "hoi", "doan", "dai", "bao", "tram", "cong ty", "trung tam", "van phong",
                        "chi cuc", "tong cuc", "lanh dao", "thuong truc", "co quan thuong truc", "bo phan", "hoi dong",
                        "cong chuc", "can bo", "luc luong", "chinh quyen", "cap uy", "to", "phong ban", "dia phuong"})
