// Folding table for CJK character variants. Each group lists the forms of one character that
// organisation names write differently: traditional first (the canonical form every member folds to),
// then the Japanese shinjitai and/or the simplified Chinese form where they differ. Groups also merge
// the few simplified characters that stand for several traditional ones (发 = 發/髮, 历 = 歷/曆, …):
// for screening, folding one step too far costs a near-match an officer dismisses; folding too little
// misses a listed institution.
//
// Pure data: safe to import from the browser.

const GROUPS = `
學学 國国 東东 華华 電电 機机 業业 軍军 醫医 藥薬药 術术 產産产 發髮発髪发 廣広广 體体 師师 範范 農农 會会 經経经 濟済济 灣湾 區区 門门 開开 關関关 離离 將将 龍竜龙 鐵鉄铁
線綫线 無无 爾尔 濱浜滨 亞亜亚 惡悪恶 壓圧压 圍囲围 為爲为 壹壱 隱隠隐 榮栄荣 營営营 衛衞卫 驛駅驿 圓円圆 鹽塩盐 緣縁缘 應応应 歐欧 毆殴 櫻桜樱 穩穏稳 假仮 價価价 畫画 繪絵绘
擴拡扩 覺覚觉 樂楽乐 渴渇 勸勧劝 卷巻 寬寛宽 歡歓欢 觀観观 氣気气 歸帰归 僞偽伪 犧犠牺 舊旧 據拠据 舉擧挙举 峽峡 狹狭 鄉鄕郷乡 曉暁晓 驅駆驱 勳勲勋 徑径 莖茎 惠恵 溪渓 繼継继
螢蛍萤 輕軽轻 雞鷄鶏鸡 藝芸艺 劍剣剑 縣県县 儉倹俭 險険险 圈圏 檢検检 獻献 權権权 顯顕显 驗験验 嚴厳严 效効 恆恒 黃黄 礦鑛鉱矿 號号 黑黒 碎砕 齋斎斋 劑剤剂 雜雑杂 參参 棧桟栈
蠶蚕 慘惨 贊讚賛赞 殘残 絲糸丝 齒歯齿 兒児儿 辭辞 濕湿 實実实 寫写 釋釈释 壽寿 收収 從従从 澀澁渋涩 獸獣兽 縱縦纵 肅粛肃 處処处 敘敍叙 獎奬奨奖 燒焼烧 稱称 證証证 乘乗 淨浄净
剩剰 疊畳叠 繩縄绳 壤壌 孃嬢 讓譲让 釀醸酿 觸触 囑嘱 寢寝 慎愼 真眞 盡儘尽 圖図图 粹粋 醉酔 隨随 髓髄 數数 樞枢 聲声 靜静 齊斉齐 攝摂摄 竊窃 專専专 戰戦战 淺浅 潛潜 踐践
錢銭钱 禪禅 雙双 壯壮 爭争 莊荘庄 搜捜 插挿 巢巣 裝装 總総总 騷騒骚 增増 藏蔵 臟髒臓脏 卽即 屬属 續続续 墮堕 對対对 帶帯带 滯滞 臺颱台 瀧滝泷 擇択择 澤沢泽 擔担 單単单 膽胆
團団团 斷断 彈弾弹 遲遅迟 癡痴 蟲虫 晝昼 鑄鋳铸 廳庁厅 聽聴听 鎮鎭镇 遞逓递 點点 轉転转 傳伝传 燈灯 當当 黨党 盜盗 鬥鬭闘斗 德徳 獨独 讀読读 屆届 貳弐贰 惱悩恼 腦脳脑 廢廃废
拜拝 賣売卖 麥麦 拔抜 蠻蛮 祕秘 甁瓶 拂払 佛仏 並竝併并 變変变 邊邉辺边 寶宝 豐豊丰 萬万 滿満满 默黙 譯訳译 與与 豫予 餘余 搖揺摇 樣様样 謠謡谣 來来 賴頼赖 亂乱 覽覧览
兩両两 獵猟猎 綠緑绿 淚涙泪 壘塁垒 勵励 禮礼 靈霊灵 齡齢龄 歷曆歴暦历 戀恋 爐炉 勞労劳 樓楼 錄録录 溫温 內内 步歩 涉渉 頻频 計计 訂订 訊讯 討讨 記记 訓训 託托 設设 訪访
許许 評评 診诊 詞词 試试 詩诗 話话 該该 詳详 誠诚 語语 認认 誤误 說説说 課课 調调 談谈 請请 論论 諸诸 諾诺 謀谋 講讲 謝谢 識识 議议 護护 詢询 謂谓 謹谨 譜谱 譽誉 訴诉
註注 諮谘 詮诠 謎谜 誼谊 誦诵 諒谅 諧谐 誕诞 誇夸 諜谍 謊谎 訟讼 誘诱 謙谦 譚谭 謁谒 諭谕 訣诀 詭诡 誣诬 謬谬 譴谴 誌志 針针 釣钓 鈍钝 鈔钞 鈴铃 鉛铅 鉅钜 銀银 銅铜
銘铭 銳鋭锐 銷销 鋁铝 鋒锋 鋪舖铺 鋼钢 錦锦 錫锡 錯错 煉鍊炼 鍋锅 鍵键 鎖锁 鏡镜 鐘鍾钟 鑑鑒鉴 鑽鑚钻 鈦钛 鎢钨 鋰锂 鎳镍 鋅锌 鉻铬 鈷钴 鉬钼 銻锑 鈾铀 鈽钚 釷钍 鐳镭
鎂镁 鈉钠 鉀钾 鈣钙 鋇钡 錳锰 鋯锆 鈮铌 鉭钽 銫铯 鍶锶 銥铱 鉑铂 鈀钯 釩钒 鍺锗 鎵镓 銦铟 鏈链 鋸锯 鍛锻 鑰钥 錘鎚锤 鐮镰 鋤锄 鑿凿 鏟铲 銜衔 鈕钮 鉗钳 鈞钧 鐸铎 鏢镖
鑾銮 矽硅 紀纪 約约 紅红 紋纹 納纳 紐纽 純纯 紗纱 紙纸 級级 紛纷 紡纺 細细 紹绍 終终 組组 結结 絕絶绝 絡络 給给 統统 綜综 維维 綱纲 網网 緊紧 緒绪 締缔 編编 練练 緯纬
緻致 縫缝 縮缩 績绩 織织 繞绕 繡绣 繫係系 纖繊纤 纜缆 紮扎 綴缀 綿绵 綢绸 緩缓 緝缉 緬缅 繳缴 繽缤 纏缠 緋绯 綸纶 絨绒 絹绢 綾绫 縛缚 縷缕 纓缨 紳绅 絞绞 縝缜 縉缙 閃闪
閉闭 問问 閑閒闲 間间 閘闸 閣阁 閥阀 閱閲阅 闊阔 闆板 闡阐 闢辟 闖闯 闕阙 閩闽 閻阎 閨闺 閔闵 貝贝 負负 貞贞 財财 貢贡 貧贫 貨货 販贩 貫贯 責责 貴贵 費费 貼贴 貸贷 貿贸
賀贺 資资 賊贼 賈贾 賓宾 賠赔 賞赏 賢贤 賤贱 質质 賬账 購购 賽赛 贈赠 贏赢 贖赎 贛赣 賦赋 賜赐 賭赌 賺赚 賄贿 賂赂 賃赁 貯贮 賑赈 見见 規规 視视 親亲 覓觅 覲觐 車车
軌轨 軒轩 軟软 軸轴 較较 載载 輔辅 輛輌辆 輝辉 輩辈 輪轮 輸输 轄辖 轟轰 辦办 轎轿 轍辙 轅辕 輿舆 擊撃击 馬马 駐驻 駕驾 駛驶 騎骑 騰腾 驚惊 驟骤 驢驴 駁驳 駱骆 騙骗 駿骏
驕骄 驥骥 飯饭 飲饮 飼饲 飽饱 飾饰 餅饼 養养 館馆 饒饶 饑飢饥 饋馈 魚鱼 魯鲁 鮮鲜 鯨鲸 鯉鲤 鰐鳄 鱗鳞 鯊鲨 鮑鲍 鳥鸟 鳳凤 鳴鸣 鴨鸭 鴻鸿 鵬鹏 鶴鹤 鷹鹰 鵝鹅 鴿鸽 鷺鹭
鷗鸥 頁页 頂顶 項项 順顺 須鬚须 預预 頑顽 頒颁 頓顿 領领 頭头 顆颗 題题 額额 顏顔颜 願愿 類类 顧顾 顫颤 頸颈 頰颊 顎颚 頌颂 頗颇 頹颓 顛颠 風风 颶飓 飄飘 飛飞 龜亀龟
鹵滷卤 叢丛 喪丧 個个 臨临 麗丽 義义 烏乌 喬乔 習习 書书 買买 於于 虧亏 雲云 畝亩 億亿 僅仅 侖仑 倉仓 儀仪 們们 眾衆众 優优 夥伙 傘伞 偉伟 傷伤 倫伦 僱雇 債债 傾倾 償偿
儲储 兌兑 蘭兰 興兴 凍冻 減减 湊凑 準准 幾几 憑凭 凱凯 劃划 劉刘 則则 剛刚 創创 刪删 剝剥 劇剧 務务 動动 勁劲 勢势 勻匀 匯彙汇 協协 盧卢 卻却 廠厰厂 厲厉 厭厌 嘆叹 嗎吗
啟啓启 吳呉吴 員员 響响 園园 聖圣 場场 壞壊坏 塊块 堅坚 壇坛 墾垦 壩坝 塢坞 牆墙 殼殻壳 壺壷壶 備备 復複复 夠够 夾夹 挾挟 奪夺 奮奋 婦妇 媽妈 嬰婴 孫孙 寧宁 寵宠 審审
憲宪 宮宫 尋寻 導导 塵尘 嘗尝 層层 屢屡 歲歳岁 豈岂 嶼屿 崗岗 島嶋岛 嶺岭 嶽岳 巖岩 幣币 帥帅 帳帐 幫帮 幹乾干 庫库 廁厕 廂厢 廟庙 廬庐 張张 彎弯 強强 彥彦 禦御 徵徴征
憶忆 懷懐怀 態态 憂忧 懲惩 慚惭 懶懒 憐怜 戲戯戏 戶戸户 擁拥 擾扰 擬拟 擠挤 攜携 攤摊 撥拨 撫抚 擋挡 擺摆 擲掷 撲扑 撐撑 擱搁 搶抢 掛挂 揚扬 換换 揮挥 損损 搗捣 撈捞
撿捡 攬揽 敵敌 斂敛 斃毙 時时 晉晋 晚晩 暉晖 暈晕 暫暂 曬晒 極极 構构 標标 棟栋 欄栏 樹树 櫃柜 檔档 橋桥 槍枪 槳桨 樁桩 橫横 欽钦 殺杀 毀毁 氫氢 漢汉 湯汤 溝沟 沒没
滄沧 渦涡 測测 濃浓 潔洁 滅灭 滬沪 瀋沈 灘滩 灑洒 漸渐 漁渔 淵渊 滲渗 滾滚 潤润 澗涧 濤涛 濾滤 瀏浏 瀨瀬濑 瀕濒 漲涨 濁浊 濺溅 瀝沥 潑溌泼 澱淀 涇泾 渾浑 湧涌 漿浆 滌涤
滸浒 瀉泻 灤滦 潁颍 瀟潇 濰潍 澠渑 溈沩 洶汹 竈灶 災灾 煙烟 熱热 燦灿 燭烛 爛烂 狀状 猶犹 獄狱 獲穫获 猻狲 瑪玛 環环 現现 璽玺 瓊琼 蘇甦囌苏 疇畴 療疗 癢痒 監监 盤盘
矚瞩 礎础 礙碍 碼码 確确 硯砚 碩硕 磚砖 禍祸 祿禄 種种 穀谷 積积 窮穷 竅窍 竄窜 竇窦 豎竖 競竞 筆笔 築筑 簡简 節节 籃篮 籌筹 簽籤签 籠笼 糧粮 罰罚 羅罗 罷罢 翹翘 聞闻
聯联 聰聡聪 聳耸 職职 脅胁 脈脉 勝胜 膚肤 臘腊 臉脸 艦舰 艙舱 艱艰 艷艶艳 芻刍 蘋苹 葉叶 蒼苍 蓋盖 蔣蒋 蔥葱 蘆芦 藍蓝 蘊蕴 蘿萝 衝沖冲 補补 裏裡里 製制 襲袭 趙赵 趕赶
躍跃 蹤踪 跡蹟迹 達达 遷迁 過过 運运 還还 這这 進进 遠远 違违 連连 遼辽 選选 遺遗 適适 邁迈 邏逻 鄭郑 鄰隣邻 醞酝 醬酱 長长 陝陕 陣阵 陰阴 陳陈 陸陆 陽阳 隊队 階阶 際际
隸隷隶 難难 雖虽 霧雾 靂雳 韓韩 韋韦 鬧闹 後后 隻只 僑侨 冊册 馮冯 決决 況况 涼凉 嚇吓 呂吕 執执 塗涂 愛爱 牽牵 暢畅 遙遥 粵粤 廈厦 薩萨 鄲郸 瀘泸 蕪芜 慶庆 偵侦 綁绑
絳绛 紓纾 緞缎 縈萦 繹绎 纘缵 蠟蜡 蝕蚀 螞蚂 蟬蝉 蠅蝇 衊蔑 褲裤 襪袜 訃讣 訖讫 訛讹 詐诈 詔诏 詛诅 詠咏 誨诲 諷讽 謄誊 讖谶 讒谗 讞谳 贓赃 趨趋 踴踊 蹺跷 躉趸 軋轧
輓挽 轆辘 辯辩 遜逊 郵邮 鄒邹 醜丑 釘钉 鈎鉤钩 銓铨 銬铐 錨锚 鍍镀 鎊镑 鎔熔 鏽銹锈 鐲镯 鑲镶 閏闰 闌阑 闔阖 陘陉 隕陨 雛雏 霽霁 靄霭 韻韵 頃顷 頤颐 顱颅 颳刮 餃饺 餒馁
餞饯 餡馅 餵喂 饅馒 駝驼 駭骇 驍骁 骯肮 髏髅 鬢鬓 魘魇 鯽鲫 鰻鳗 鳩鸠 鴉鸦 鵑鹃 鵲鹊 鶯莺 鷓鹧 鸚鹦 鹼鹸碱 麼么 黴霉 鼴鼹 齣出 齦龈 齷龌 龐庞 龕龛 崎﨑 高髙 研硏
`;

/** Kana that look exactly like kanji; lists sometimes type one for the other (EUL453: 第七○ニ研究所). */
const KANA_LOOKALIKES: Record<string, string> = {
  ニ: '二', ハ: '八', ロ: '口', エ: '工', カ: '力', タ: '夕', ト: '卜', ー: '一', ヘ: '丿',
};

function buildFoldMap(): Map<string, string> {
  const map = new Map<string, string>();
  for (const group of GROUPS.split(/\s+/)) {
    const chars = [...group];
    const canonical = chars[0];
    if (!canonical || chars.length < 2) continue;
    for (const ch of chars.slice(1)) map.set(ch, canonical);
  }
  return map;
}

const FOLD = buildFoldMap();

/** The raw groups, for the consistency test (no character may belong to two groups). */
export function variantGroups(): string[][] {
  return GROUPS.split(/\s+/)
    .filter((g) => [...g].length > 1)
    .map((g) => [...g]);
}

const HAN = /\p{Script=Han}/u;
const KANA = /[\p{Script=Hiragana}\p{Script=Katakana}]/u;

/** Folds every CJK variant to its canonical (traditional) form; other characters pass through. */
export function foldCjkVariants(s: string): string {
  let out = '';
  for (const ch of s) out += FOLD.get(ch) ?? ch;
  return out;
}

/**
 * Inside a run of kanji, a katakana look-alike (ニ for 二) or a white circle (○ for 〇) is a typing
 * slip, not kana: fold it to the kanji when no neighbour is kana and at least one is a kanji.
 */
export function foldKanaLookalikes(s: string): string {
  const chars = [...s];
  const isHanLike = (c: string | undefined) => c !== undefined && (HAN.test(c) || c === '○' || c === '〇');
  const isKana = (c: string | undefined) => c !== undefined && KANA.test(c) && !(c in KANA_LOOKALIKES);
  return chars
    .map((c, i) => {
      const prev = chars[i - 1];
      const next = chars[i + 1];
      if (c === '○' && (isHanLike(prev) || isHanLike(next))) return '〇';
      const kanji = KANA_LOOKALIKES[c];
      if (kanji && !isKana(prev) && !isKana(next) && (isHanLike(prev) || isHanLike(next))) return kanji;
      return c;
    })
    .join('');
}
