import Foundation

/// Header vocabularies of the CSV exports shops have, mapping column names to product fields.
///
/// Columns are matched case-insensitively, trimmed, with a `g:` prefix (Google's XML namespace,
/// kept by some converters) removed. Columns a preset does not map become product parameters
/// when the preset says so (characteristics such as colour, size or warranty).
public enum CSVPreset: String, Sendable, CaseIterable, Equatable {
    /// Google Merchant Center names, which VK Ads catalogs and Meta (Facebook/Instagram) commerce
    /// catalogs also take: `id`, `title`, `description`, `link`, `image_link`, `price`,
    /// `sale_price`, `availability`, `brand`, `gtin`, `mpn`, `product_type`, `color`, `size`, …
    case google
    /// The field names of VK's `market.add` API: `name`, `description`, `price`, `old_price`,
    /// `sku`, `url`, `category_id`, `main_photo_id`, plus `rating` and `orders_count`.
    case vk
    /// An Onliner.by price list: `;`-separated Russian headers (`Раздел`, `Производитель`, `Товар`,
    /// `Артикул`, `Цена`, `Валюта`, `Описание предложения`, …), BYN.
    case onliner
    /// A typical Russian shop export: `Артикул`, `Название`, `Цена`, `Старая цена`, `Валюта`,
    /// `Категория`, `Бренд`, `Описание`, `Наличие`, `Штрихкод`, `Ссылка`, `Картинка`, … and
    /// their English equivalents.
    case generic

    /// Column names per field, lowercased.
    var columns: [CSVField: [String]] {
        switch self {
        case .google:
            return [
                .id: ["id", "offer_id"], .title: ["title"], .description: ["description", "rich_text_description"],
                .url: ["link"], .picture: ["image_link", "additional_image_link", "image[0].url"],
                .price: ["price"], .salePrice: ["sale_price"], .available: ["availability"], .vendor: ["brand"],
                .barcode: ["gtin"], .vendorCode: ["mpn"], .category: ["product_type", "google_product_category"],
            ]
        case .vk:
            return [
                .id: ["item_id", "id", "sku"], .title: ["name"], .description: ["description"], .price: ["price"],
                .oldPrice: ["old_price"], .vendorCode: ["sku"], .url: ["url"],
                .picture: ["main_photo_id", "photo_ids", "photo"], .category: ["category", "category_id"],
                .rating: ["rating"], .reviewCount: ["reviews_count"], .available: ["availability", "available"],
            ]
        case .onliner:
            return [
                .id: ["id-предложения", "id предложения", "onliner id"], .vendor: ["производитель"],
                .model: ["товар"], .vendorCode: ["артикул"], .category: ["раздел"], .price: ["цена"],
                .currency: ["валюта"], .description: ["описание предложения", "комментарий"],
                .available: ["наличие", "stockstatus"],
            ]
        case .generic:
            return [
                .id: ["id", "ид", "код", "артикул", "sku"],
                .title: ["название", "наименование", "name", "title", "товар"],
                .vendor: ["бренд", "производитель", "vendor", "brand", "марка"], .model: ["модель", "model"],
                .vendorCode: ["артикул", "sku", "vendorcode", "vendor_code"],
                .barcode: ["штрихкод", "штрих-код", "ean", "barcode", "gtin"],
                .category: ["категория", "раздел", "category", "группа"],
                .description: ["описание", "description"], .price: ["цена", "price", "цена, руб", "цена (руб)"],
                .oldPrice: ["старая цена", "old_price", "oldprice", "цена до скидки"],
                .currency: ["валюта", "currency"],
                .available: ["наличие", "в наличии", "available", "availability", "остаток"],
                .url: ["ссылка", "url", "link"], .picture: ["картинка", "изображение", "фото", "picture", "image"],
                .rating: ["рейтинг", "rating"], .reviewCount: ["отзывы", "количество отзывов", "reviews"],
            ]
        }
    }

    /// Unmapped columns become parameters (named by their header); for `google`, only these.
    var parameterColumns: [String: String]? {
        switch self {
        case .google:
            return [
                "color": "Цвет", "size": "Размер", "material": "Материал", "gender": "Пол", "age_group": "Возраст",
                "pattern": "Узор", "condition": "Состояние",
            ]
        case .vk:
            return [
                "weight": "Вес", "dimension_width": "Ширина", "dimension_height": "Высота",
                "dimension_length": "Длина",
            ]
        case .onliner, .generic:
            return nil  // every other column
        }
    }

    /// How many of `headers` (normalized) the preset knows.
    func score(_ headers: [String]) -> Int {
        let known = Set(columns.values.joined()).union(parameterColumns?.keys.map { $0 } ?? [])
        return headers.filter { known.contains($0) }.count
    }

    /// The preset that knows most of `headers` (normalized); `generic` on a tie.
    static func detect(_ headers: [String]) -> CSVPreset {
        var best = CSVPreset.generic
        var bestScore = best.score(headers)
        for preset in [CSVPreset.google, .vk, .onliner] where preset.score(headers) > bestScore {
            best = preset
            bestScore = preset.score(headers)
        }
        return best
    }

    /// A header as presets compare it.
    static func normalize(_ header: String) -> String {
        var name = header.trimmingCharacters(in: .whitespacesAndNewlines.union(["\""])).lowercased()
        if name.hasPrefix("g:") { name.removeFirst(2) }
        return name
    }
}
